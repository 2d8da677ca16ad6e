import sys
import json
from fastapi import FastAPI


def main():
    print(sys.argv, json.dumps({}), FastAPI)  # want "`print` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    main()
