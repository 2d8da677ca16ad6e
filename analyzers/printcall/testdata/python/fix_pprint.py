import sys
from pprint import pp, pprint


def dump(data):
    pprint(data)  # want "`pprint.pprint` call"
    pprint(data, width=40, stream=sys.stderr)  # want "`pprint.pprint` call"
    pp(data)  # want "`pprint.pp` call"


def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    dump(request.data)
