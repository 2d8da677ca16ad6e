"""The same helper outside a testing/ package is library code."""


def assert_same_runs(expected, actual):
    if expected != actual:
        print("expected:", expected)  # want "`print` call"
    assert expected == actual
