"""Helpers the library ships for its users' tests."""
from pprint import pprint


def assert_same_runs(expected, actual):
    if expected != actual:
        # Shown in the failing test's captured output.
        print("expected:")
        pprint(expected)
        print("actual:")
        pprint(actual)
    assert expected == actual
