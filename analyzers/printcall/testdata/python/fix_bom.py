def main():
    print("bom")  # want "`print` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    main()
