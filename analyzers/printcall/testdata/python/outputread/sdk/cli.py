"""A command-line program that parses and dispatches at module level."""
import argparse

from gen.release import release

parser = argparse.ArgumentParser()
parser.add_argument("version")
args = parser.parse_args()
release(args.version)
