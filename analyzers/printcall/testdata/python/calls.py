"""Calls that print, in every import form."""
import builtins
import getpass
import builtins as b
import pprint
import pprint as pr
import os
import sys
from builtins import print as echo
from pprint import pp
from pprint import pprint as show

import logging

# Logging is set up: the fix converts (without it, in library code, a print
# may be what the module shows its caller).
logging.basicConfig(level=logging.INFO)

print("hello")  # want "^`print` call; use the module logger$"
builtins.print("x")  # want "`print` call"
b.print("x")  # want "`print` call"
echo("x")  # want "`print` call"
pprint.pprint({})  # want "`pprint.pprint` call"
pprint.pp({})  # want "`pprint.pp` call"
pr.pprint({})  # want "`pprint.pprint` call"
show({})  # want "`pprint.pprint` call"
pp({})  # want "`pprint.pp` call"
(print)("parenthesised")  # want "`print` call"
print(  # want "`print` call"
    "spread over",
    "lines",
)
print("a"); print("b")  # want "`print` call" "`print` call"
print("# want in a string is not an expectation")  # want "`print` call"

alias = pprint.pprint
alias({})  # want "`pprint.pprint` call"

# Output that goes to stdout or stderr is still a print.
print("to stderr", file=sys.stderr)  # want "`print` call"
print("to stdout", file=sys.stdout)  # want "`print` call"
print("default", file=None)  # want "`print` call"
pprint.pprint({}, stream=sys.stderr)  # want "`pprint.pprint` call"


def write_report(f, rows):
    # Writing to a file is not logging's business.
    print("header", file=f)
    print("row", file=open("out.txt", "w"))
    pprint.pprint(rows, stream=f)
    f.print("method named print")
    sys.stdout.write("not a print call\n")
    [print(r) for r in rows]  # want "`print` call"
    return lambda: print("in a lambda")  # want "`print` call"


class Printer:
    def print(self, x):
        return x

    def run(self):
        self.print("a method")
        print("the builtin: class scope does not shadow it here")  # want "`print` call"


# A print wrapper hands its own *args/**kwargs on to print: it behaves as
# print by contract; its callers' prints are the output.
def print_as_log(*args, **kwargs):
    if not kwargs.get("file"):
        return print(*args, **kwargs)
    print(*args)


def typed_print(*args: object, **kwargs: object) -> None:
    print(*args, **kwargs)


def echo(*values, sep=" "):
    print(*values, sep=sep)  # want "`print` call"


def show(items, **options):
    print(*items, **options)  # want "`print` call"


def relay(*args):
    return lambda: print(*args)  # want "`print` call"


# The program's last words: a print right before it exits is a note, without a fix.
if os.environ.get("LEGACY_METADATA_PATH"):
    print("DEPRECATION NOTICE:")  # want note "^`print` call right before the program exits \\(`raise SystemExit\\(1\\)`\\): its last words, seen either way; a note$"
    # (the next line of the same message)
    print("LEGACY_METADATA_PATH is no longer supported")  # want note "right before the program exits"
    raise SystemExit(1)


def fail(msg):
    print(msg)  # want note "right before the program exits \\(`sys.exit\\(2\\)`\\)"
    sys.exit(2)


def warn_then_go_on(msg):
    print(msg)  # want warning "^`print` call; use the module logger$"
    cleanup()
    sys.exit(2)


def raise_other(msg):
    print(msg)  # want warning "`print` call; use"
    raise ValueError(msg)


# A conversation with a person at a terminal: the prompt is the output.
def confirm_upgrade():
    if sys.stdin.isatty():
        print("Please back up your database before proceeding!")
        return input("Run database migrations (Y/N)").lower() == "y"
    return True


def ask_password(user):
    print(f"Signing in {user}")
    return getpass.getpass()


def no_terminal_check(rows):
    if len(rows) > 10:
        print("many rows")  # want warning "`print` call; use the module logger"
