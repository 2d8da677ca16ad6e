"""Python 3.14 (PEP 758): `except A, B:` catches A or B, as `except (A, B):`
does. It is never Python 2's `except A, B` (catch A, bind it to B), which
tree-sitter-python 0.23 read it as. CPython before 3.14 does not compile this
file, so the fix tests (which compile their results) never fix it: no
handler here gets a fix."""
from fastapi import FastAPI
import logging

logger = logging.getLogger(__name__)

# The module-level code of a service's module (it builds the app): a
# service's levels. (A file whose top level calls the project's functions
# and that nothing imports would be a program run by itself: docs/roles.md.)
app = FastAPI()


def work():
    pass


def cleanup():
    pass


# The broad type second: Python 2's reading made it a variable name, and the
# handler was missed.
try:
    work()
except ValueError, Exception:  # want "^`except \\.\\.\\., Exception` without re-raise or traceback logging$"
    cleanup()

# Three types (an ERROR node for tree-sitter-python 0.23).
try:
    work()
except KeyError, ValueError, BaseException:  # want "`except \\.\\.\\., BaseException` without re-raise"
    cleanup()

# `except Exception, e:` binds no name: `e` is whatever it names, not the
# exception being handled (Python 2's reading bound it), so this log does
# not include the exception.
try:
    work()
except Exception, e:  # want warning "`except \\.\\.\\., Exception` logs that something failed, but neither the exception nor its traceback"
    logger.error("failed: %s", e)

# Narrow types only: not reported.
try:
    work()
except ValueError, KeyError:
    cleanup()

# A bare raise re-raises the exception, whatever the list.
try:
    work()
except ValueError, Exception:
    cleanup()
    raise

# Logging with the traceback records it.
try:
    work()
except OSError, Exception:
    logger.exception("work failed")

# except* takes a list too.
try:
    work()
except* ValueError, Exception:  # want "`except\\* \\.\\.\\., Exception` without re-raise"
    cleanup()

# Parentheses and `as` keep their meaning.
try:
    work()
except (ValueError, Exception) as err:  # want "`except \\(\\.\\.\\., Exception\\)` without re-raise"
    cleanup()
