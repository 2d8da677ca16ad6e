"""Broad handlers: what is reported, with which message."""
from fastapi import FastAPI
import builtins
import logging
import sys
import traceback

logger = logging.getLogger(__name__)

# The module-level code of a service's module (it builds the app): a
# service's levels. (A file whose top level calls the project's functions
# and that nothing imports would be a program run by itself: docs/roles.md.)
app = FastAPI()


def work():
    pass


# Swallowing handlers are errors and say so.

try:
    work()
except:  # want error "^bare `except:` swallows the exception$"
    pass

try:
    work()
except Exception:  # want error "^`except Exception` swallows the exception$"
    ...

try:
    work()
except BaseException:  # want warning "^`except BaseException` prints that something failed, but neither the exception nor its traceback$"
    print("failed")

try:
    work()
except builtins.Exception:  # want error "`except Exception` swallows"
    """Documented, still swallowed."""
    pass

try:
    work()
except (ValueError, Exception) as e:  # want error "`except \\(\\.\\.\\., Exception\\)` swallows"
    pass

try:
    work()
except (Exception):  # want error "`except Exception` swallows"
    pass

try:
    work()
except* Exception:  # want error "`except\\* Exception` swallows"
    pass


def loop(items):
    for item in items:
        try:
            work()
        except Exception:  # want error "swallows"
            continue
    while True:
        try:
            work()
        except Exception:  # want error "swallows"
            break


def returns_constant():
    try:
        return work()
    except Exception:  # want error "swallows"
        return None


def returns_empty():
    try:
        return work()
    except Exception:  # want error "swallows"
        return []


def returns_negative():
    try:
        return work()
    except Exception:  # want error "swallows"
        return -1


# Broad handlers that do something, but lose the traceback: warnings.
def returns_error(e2):
    try:
        work()
    except Exception as e:  # want note "returns the error's message to its caller"
        return {"error": str(e)}


def logs_exc_info_false():
    try:
        work()
    except Exception:  # want warning "^`except Exception` logs that something failed, but neither the exception nor its traceback$"
        logging.error("failed", exc_info=False)


def raises_from_none():
    try:
        work()
    except Exception as e:  # want warning "without re-raise"
        raise RuntimeError("failed") from None


# `from None` with the reason written down: the failure goes on, its cause is
# left out on purpose.
def refresh_credentials(info):
    try:
        work(info)
    except Exception:
        # `from None`: the library's errors may quote the private key.
        raise PermissionError("cannot authenticate the service account") from None


def f_string_return():
    try:
        work()
    except Exception as e:  # want note "returns the error's message to its caller"
        return f"{e}"


# Narrow handlers are not this rule's business.
try:
    work()
except ValueError:
    pass

try:
    work()
except (KeyError, ValueError):
    pass

try:
    work()
except* OSError:
    pass


def error_response():
    try:
        work()
    except Exception:  # want warning "without re-raise"
        print("failed")
        return ("", 500)


# A logging handler's emit hands its own failure to handleError, which
# prints the traceback (logging.Handler's contract): recorded, not hidden.
import logging


class ApiLogHandler(logging.Handler):
    def emit(self, record):
        try:
            send_to_api(self.format(record))
        except Exception:
            self.handleError(record)


# A function of the same name called bare is not logging's.
def forward(record):
    try:
        send_to_api(record)
    except Exception:  # want warning "without re-raise"
        handleError(record)
