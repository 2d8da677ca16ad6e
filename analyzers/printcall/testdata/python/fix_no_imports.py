"""A module without imports."""


def main():
    print("hello")  # want "`print` call"
