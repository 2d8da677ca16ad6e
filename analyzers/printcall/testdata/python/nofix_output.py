"""A script with no logging set up that reads sys.argv at module level:
what it prints is its output. No main block, no argument parser, but its
top level calls its own function and nothing imports it: a program, whose
prints are not reported."""
import os
import sys


def main(path):
    print("files:", len(os.listdir(path)))


main(sys.argv[1])
