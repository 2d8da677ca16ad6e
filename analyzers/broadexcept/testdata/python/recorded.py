"""A broad handler that records the exception hides nothing: not reported."""
import asyncio
import logging
import sys
import traceback

import logfire
import sentry_sdk
import structlog
from loguru import logger as loguru_logger
from rich.console import Console
from sentry_sdk import capture_exception

logger = logging.getLogger(__name__)
log = structlog.get_logger()
console = Console()


def work():
    pass


# The traceback printed or formatted, and the formatted text used.
try:
    work()
except Exception:
    traceback.print_exc()

try:
    work()
except Exception:
    traceback.print_exc(file=sys.stderr)
    sys.exit(2)

try:
    work()
except Exception as e:
    logger.error(f"failed: {e}\n{traceback.format_exc()}")

try:
    work()
except Exception:
    details = traceback.format_exc()
    logger.warning("failed: %s", details)


def imported_in_the_handler():
    try:
        work()
    except Exception as e:
        import traceback as tb

        print(f"failed: {e}")
        print(tb.format_exc())


try:
    work()
except Exception:
    console.print_exception()

# Error trackers.
try:
    work()
except Exception as e:
    sentry_sdk.capture_exception(e)

try:
    work()
except Exception:
    capture_exception()


def tracked(span):
    try:
        work()
    except Exception as e:
        span.record_exception(e)
        return None


# Structured loggers' forms that carry the traceback.
try:
    work()
except Exception as e:
    log.error("structlog", exc_info=e)

try:
    work()
except Exception:
    log.exception("structlog's exception")

try:
    work()
except Exception as e:
    loguru_logger.opt(exception=e).error("loguru with the exception")

try:
    work()
except Exception:
    loguru_logger.opt(exception=True).warning("loguru, the current exception")

try:
    work()
except Exception:
    logfire.exception("logfire")

try:
    work()
except Exception:
    logfire.error("logfire's keyword", _exc_info=True)


# The exception goes on: re-raised, or raised as another exception's
# context (every traceback shows "During handling of the above exception").
def reraises_as_another_type(path):
    try:
        work()
    except Exception as error:
        raise type(error)(f"SSH tunnel: {error}")


def reraises_with_a_new_message():
    try:
        work()
    except Exception as e:
        raise RuntimeError(f"upload failed: {e}")


def reraises_with_the_traceback():
    try:
        work()
    except Exception as e:
        raise e.__class__("wrapped").with_traceback(e.__traceback__)


# The exception object handed on: whoever receives it has its traceback.
def handed_to_a_future(future: asyncio.Future):
    try:
        work()
    except Exception as e:
        future.set_exception(e)


def kept_in_a_result(results):
    try:
        work()
    except Exception as exc:
        results.append(("job", exc))


def returned(self):
    try:
        return work(), None
    except Exception as e:
        return None, e


def stored(self):
    try:
        work()
    except BaseException as e:
        self.error = e


def handled_by_a_method(self):
    try:
        work()
    except Exception as e:
        self.handle_exception(e)


def last_error_kept_for_later(attempts):
    last = None
    for _ in range(attempts):
        try:
            return work()
        except Exception as e:
            last = e
    raise RuntimeError("gave up") from last
