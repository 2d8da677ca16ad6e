import logging

logger = logging.getLogger(__name__)


def main():
    print("a function called from main is not exempt")  # want "`print` call"


if __name__ == "__main__":
    print("command-line output")
    main()
    for i in range(3):
        print(i)
elif False:
    print("elif is not the main block")  # want "`print` call"
else:
    print("neither is else")  # want "`print` call"

if "__main__" == __name__:
    print("reversed comparison")

if __name__ != "__main__":
    print("not main")  # want "`print` call"
