"""Lazy %-formatting instead of f-strings and str.format."""
import logging

log = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def show(order, rows, ratio, name):
    print(f"order {order.id} has {len(rows)} rows")  # want "`print` call"
    print(f"{name!r} at {ratio:.2f}, {ratio:5d} and 100%")  # want "`print` call"
    print(f"kept {name:>10}")  # want "`print` call"
    print(f"{name=}")  # want "`print` call"
    print(f"braces {{literal}} {name}")  # want "`print` call"
    print("Id: {}".format(order.id))  # want "`print` call"
    print("{0} of {1}, {0} again".format(name, len(rows)))  # want "`print` call"
    print("{who} paid {amt:.2f}".format(who=name, amt=ratio))  # want "`print` call"
    print("{0} {0}".format(order.total()))  # want "`print` call"
    print("rows:", f"{len(rows)} total", "for {}".format(name))  # want "`print` call"
    print(f"all literal")  # want "`print` call"
    print(f"  Validation gate: testing {len(rows)} agents " f"(6 scenarios each)...")  # want "`print` call"
    print("  progress:", ratio, "done\n")  # want "`print` call"
