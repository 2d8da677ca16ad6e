import pprint


def dump(data):
    pprint.pprint(data)  # want "`pprint.pprint` call"
