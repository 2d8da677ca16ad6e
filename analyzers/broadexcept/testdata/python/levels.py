"""Which level a broad handler gets, and the message says why."""
import logging
import os
import warnings

import structlog
from fastapi import HTTPException
from flask import abort

logger = logging.getLogger(__name__)
log = structlog.get_logger()


def work():
    pass


# Notes: the error is recorded, but without its traceback.
def logs_the_message():
    try:
        work()
    except Exception as e:  # want note "^`except Exception` logs the error without its traceback \\(logger.warning\\): it is recorded, but not where it came from$"
        logger.warning("failed: %s", e)


def logs_the_message_and_falls_back():
    try:
        return work()
    except Exception as e:  # want note "logs the error without its traceback \\(logger.error\\)"
        logger.error(f"failed: {e}")
        return None


def logs_at_info():
    try:
        work()
    except Exception as exc:  # want note "logs the error without its traceback \\(logging.info\\)"
        logging.info("retrying after %r", exc)


def structlog_keyword_without_traceback():
    try:
        work()
    except Exception as e:  # want note "logs the error without its traceback \\(log.error\\)"
        log.error("failed", error=str(e))


def warns():
    try:
        work()
    except Exception as e:  # want note "logs the error without its traceback \\(warnings.warn\\)"
        warnings.warn(f"plugin failed: {e}")


def logged_then_an_http_error():
    try:
        work()
    except Exception as e:  # want note "logs the error"
        logger.error("failed: %s", e)
        raise HTTPException(status_code=400, detail=str(e))


def logs_a_description():
    try:
        work()
    except Exception as e:  # want note "logs the error without its traceback"
        logger.warning(describe(e))


def logs_a_message_made_from_it():
    try:
        work()
    except Exception as e:  # want note "logs the error without its traceback \\(logger.error\\)"
        msg = "payment failed: " + str(e)
        logger.error(msg)
        return None


def describe(error):
    return f"{type(error).__name__}: {error}"


def falls_back_and_raises_only_if_that_fails():
    # The raise is on one path; on the other the error is only logged.
    try:
        key = work()
    except Exception as e:  # want note "logs the error without its traceback"
        logger.warning(f"no key from the secret store: {e}")
        key = os.getenv("KEY")
        if not key:
            raise RuntimeError("no key")
    return key


def prints_the_message():
    try:
        work()
    except Exception as e:  # want note "^`except Exception` prints the error without its traceback: it is seen, but not where it came from$"
        print(f"failed: {e}")
        return "fallback"


# Warnings: the error does not reach anyone who could fix it.
def http_error():
    try:
        work()
    except Exception as e:  # want warning "^`except Exception` turns the error into an HTTP error response \\(HTTPException\\) without logging it: the client gets an error, the logs get nothing$"
        raise HTTPException(status_code=500, detail=str(e))


def flask_abort():
    try:
        work()
    except Exception:  # want warning "HTTP error response \\(abort\\)"
        abort(500)


def logs_at_debug():
    try:
        work()
    except Exception as e:  # want warning "^`except Exception` logs the error only at debug level, which production rarely records$"
        logger.debug("failed: %s", e)


def logs_at_warning_and_the_error_at_debug():
    try:
        work()
    except Exception as exc:  # want note "^`except Exception` logs that something failed, and the error only at debug level: the failure is recorded, its cause rarely$"
        logger.warning("could not select, trying again")
        logger.debug(exc)


def logs_at_info_and_the_error_at_debug():
    try:
        work()
    except Exception as exc:  # want warning "logs the error only at debug level"
        logger.info("trying again")
        logger.debug(exc)


def logs_without_the_exception():
    try:
        work()
    except Exception:  # want warning "logs that something failed, but neither the exception nor its traceback"
        logger.error("failed")
        return None


def returns_the_message():
    try:
        work()
    except Exception as e:  # want note "returns the error's message to its caller"
        return {"error": str(e)}


def error_message_in_a_call():
    try:
        work()
    except Exception as e:  # want warning "without re-raise"
        record_failure("job", str(e))


def record_failure(name, message):
    pass


# Errors: nothing at all happens with it.
def swallows():
    try:
        work()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


def prints_something_else():
    try:
        work()
    except Exception:  # want warning "prints that something failed"
        print("failed")
        return None


# A swallow in a try that would have returned, after which the function
# gets its answer another way: a fallback, as a returned default is — a
# warning, not an error.
def session_secret(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except Exception:  # want warning "^`except Exception` swallows the exception; a warning, not an error: the function goes on after the try to another way to its answer, so the failure is hidden but the caller still gets one$"
        pass
    # A new secret, for this process only.
    secret = os.urandom(32).hex()
    return secret


# What follows the try is the swallow's own answer, not another way to
# one: an error still.
def read_or_none(path):
    try:
        with open(path) as f:
            return f.read()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass
    return None


def read_or_fail(path):
    try:
        with open(path) as f:
            return f.read()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass
    raise RuntimeError("no secret")


def read_or_nothing(path):
    try:
        with open(path) as f:
            return f.read()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# In a loop the way on is the next round, not another way to the answer:
# an error still.
def first_readable(paths):
    for p in paths:
        try:
            with open(p) as f:
                return f.read()
        except Exception:  # want error "^`except Exception` swallows the exception$"
            pass
