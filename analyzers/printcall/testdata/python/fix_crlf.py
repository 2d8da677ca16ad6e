import os
import sys


def main():
    print("crlf", os.sep)  # want "`print` call"
    return sys.path
