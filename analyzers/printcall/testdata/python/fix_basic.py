"""Order service."""
import os
import sys

from fastapi import FastAPI

app = FastAPI()


def charge(order, amount):
    print("charging", order.id, "for", amount)  # want "`print` call"
    print("100% done:", amount)  # want "`print` call"
    print("100% literal only")  # want "`print` call"
    print(order)  # want "`print` call"
    print(f"order {order.id}")  # want "`print` call"
    print()  # want "`print` call"
    print("a", "b", sep=", ")  # want "`print` call"
    print("done", end="\n", flush=True)  # want "`print` call"
    print('it\'s', amount)  # want "`print` call"
    print("failed", order.id, file=sys.stderr)  # want "`print` call"
    print(  # want "`print` call"
        "multi",
        {"a": 1,
         "b": 2},
    )
    return os.getenv("X")


def no_fix(order, parts):
    print("a", "b", sep="")  # want "`print` call"
    print("x", end="")  # want "`print` call"
    print(*parts)  # want "`print` call"
    print("a", order, sep=order.sep)  # want "`print` call"
    print(  # want "`print` call"
        "a",  # the label
        order,
    )
    print('say "hi"', order)  # want "`print` call"



def view(request):
    # A view calls it: service code, whose prints the fix converts.
    setup_logging()  # the service sets logging up: INFO records show
    charge(request.order, request.amount)
    no_fix(request.order, request.parts)
