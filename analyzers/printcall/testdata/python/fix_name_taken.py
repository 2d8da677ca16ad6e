def shadowed_logger(logger):
    print("no fix: a new module logger would be shadowed here")  # want "`print` call"


def other():
    print("no fix either: `logger` is used in this file")  # want "`print` call"
