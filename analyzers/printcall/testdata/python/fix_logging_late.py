import os

os.environ.setdefault("X", "1")

import logging


def main():
    print("late", os.sep)  # want "`print` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    main()
