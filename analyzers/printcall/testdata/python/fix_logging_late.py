import os

os.environ.setdefault("X", "1")

import logging


def main():
    print("late", os.sep)  # want "`print` call"
