import pprint


def dump(data):
    pprint.pprint(data)  # want "`pprint.pprint` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    dump(request.data)
