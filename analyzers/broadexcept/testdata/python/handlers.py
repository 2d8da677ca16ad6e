"""Broad handlers: what is reported, with which message."""
import builtins
import logging
import sys
import traceback

logger = logging.getLogger(__name__)


def work():
    pass


# Swallowing handlers are errors and say so.
try:
    work()
except:  # want "^bare `except:` swallows the exception$"
    pass

try:
    work()
except Exception:  # want "^`except Exception` swallows the exception$"
    ...

try:
    work()
except BaseException:  # want "`except BaseException` swallows"
    print("failed")

try:
    work()
except builtins.Exception:  # want "`except Exception` swallows"
    """Documented, still swallowed."""
    pass

try:
    work()
except (ValueError, Exception) as e:  # want "`except \\(\\.\\.\\., Exception\\)` swallows"
    pass

try:
    work()
except (Exception):  # want "`except Exception` swallows"
    pass

try:
    work()
except* Exception:  # want "`except\\* Exception` swallows"
    pass


def loop(items):
    for item in items:
        try:
            work()
        except Exception:  # want "swallows"
            continue
    while True:
        try:
            work()
        except Exception:  # want "swallows"
            break


def returns_constant():
    try:
        return work()
    except Exception:  # want "swallows"
        return None


def returns_empty():
    try:
        return work()
    except Exception:  # want "swallows"
        return []


def returns_negative():
    try:
        return work()
    except Exception:  # want "swallows"
        return -1


# Broad handlers that do something, but lose the traceback: warnings.
def returns_error(e2):
    try:
        work()
    except Exception as e:  # want "^`except Exception` without re-raise or traceback logging$"
        return {"error": str(e)}


def logs_without_traceback():
    try:
        work()
    except Exception as e:  # want "without re-raise or traceback logging"
        logger.error("failed: %s", e)


def logs_exc_info_false():
    try:
        work()
    except Exception:  # want "without re-raise"
        logging.error("failed", exc_info=False)


def raises_new_error():
    try:
        work()
    except Exception:  # want "without re-raise"
        raise RuntimeError("failed")


def raises_from_none():
    try:
        work()
    except Exception as e:  # want "without re-raise"
        raise RuntimeError("failed") from None


def prints_traceback():
    try:
        work()
    except Exception:  # want "without re-raise or traceback logging"
        traceback.print_exc()


def f_string_return():
    try:
        work()
    except Exception as e:  # want "without re-raise"
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
    except Exception:  # want "without re-raise"
        print("failed")
        return ("", 500)
