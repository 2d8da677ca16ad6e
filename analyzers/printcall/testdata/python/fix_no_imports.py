"""A module without imports."""


def main():
    print("hello")  # want "`print` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    main()
