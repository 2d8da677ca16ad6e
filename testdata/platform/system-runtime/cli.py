# xylint: noqa: XY005
"""Operator console for system-runtime: a command-line tool, so print is its UI."""

import argparse
import builtins


def main() -> None:
    parser = argparse.ArgumentParser(description="system-runtime operator console")
    parser.add_argument("command", choices=["status", "drain"])
    args = parser.parse_args()
    print(f"running {args.command}")
    builtins.print("done")


main()
