"""A script with no logging set up: what it prints is its output."""
import os


def main():
    print("files:", len(os.listdir(".")))  # want "`print` call"


if __name__ == "__main__":
    main()
