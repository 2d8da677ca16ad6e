import os
import sys


def main():
    print("crlf", os.sep)  # want "`print` call"
    return sys.path


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    main()
