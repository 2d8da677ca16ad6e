"""Levels from context: the handler, the message, the stream."""
import json
import logging
import sys

logger = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except OSError as e:
        print(f"could not read {path}: {e}")  # want "`print` call"
    except ValueError:
        print("bad json in", path)  # want "`print` call"
    return None


def report(n):
    print("Error: no rows for", n)  # want "`print` call"
    print("Failed to sync %d rows" % n)  # want "`print` call"
    print("WARNING: slow query")  # want "`print` call"
    print("retrying", file=sys.stderr)  # want "`print` call"
    print("errors seen:", n)  # want "`print` call"
    print("%d rows of %s" % (n, "x"))  # want "`print` call"
    print("total %d" % len(sys.argv))  # want "`print` call"


def parse(text):
    try:
        return json.loads(text)
    except ValueError:
        print("  Warning: could not parse, skipping")  # want "`print` call"


def fields(view):
    if isinstance(view, list):
        print("Passing a list of fields will be removed in 4.0. Pass a view name instead.")  # want "`print` call"
