"""A script with no logging set up that reads sys.argv at module level:
what it prints is its output. Nothing marks it as a command-line program
for the role model (no main block, no argument parser), so its prints are
reported, but the fix is withheld."""
import os
import sys


def main(path):
    print("files:", len(os.listdir(path)))  # want "`print` call"


main(sys.argv[1])
