"""A command-line program without a main block: argparse in `main`, a
[project.scripts]-style entry point."""
import argparse

from helpers import report_line, shared_format


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", nargs="*")
    args = parser.parse_args(argv)
    for r in args.rows:
        report_line(shared_format(r))
    print("done")
