import logging

log = logging.getLogger("orders")
logging.basicConfig(level=logging.INFO)


def f(x):
    print("value", x)  # want "`print` call"


class Handler:
    def run(self):
        print("running")  # want "`print` call"
