"""A command-line program: its `__main__` block and every function of the
file are its output's code (role cli), so none of its prints is reported
(allow-in-roles; allow-in-main exempts the block itself)."""
import logging

logger = logging.getLogger(__name__)


def main():
    print("a function called from main is the program's output")


def helper():
    print("so is the rest of a file that is a program")


if __name__ == "__main__":
    print("command-line output")
    main()
    for i in range(3):
        print(i)
elif False:
    print("elif is not the main block, but the file is a program")
