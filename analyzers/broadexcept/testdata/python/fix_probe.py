"""Module-level probes of a dependency's version, and failures the comment
above the try calls expected: no traceback is added."""
import logging

import somelib

logger = logging.getLogger(__name__)
CLEANERS = []

# Check for the Reschedule model (newer scheduler releases only)
try:
    from scheduler.models import Reschedule

    CLEANERS.append({"model": Reschedule, "column": Reschedule.created})
except Exception as e:  # want note "without its traceback"
    logging.error(e)

try:
    LIB_VERSION = somelib.__version__
except Exception as e:  # want note "without its traceback"
    logger.error("cannot read the version: %s", e)

try:
    import fastjson
except Exception as e:  # want note "without its traceback"
    logger.error("fastjson missing: %s", e)


def refresh(client):
    # The refresh may fail on servers older than 2.0
    try:
        client.refresh()
    except Exception as e:  # want note "without its traceback"
        logger.error("refresh failed: %s", e)


def push(client):
    try:
        client.push()
    except Exception as e:  # want note "without its traceback"
        logger.error("push failed: %s", e)


def close_account(client):
    """Close the account. If the closing fails, the record says so."""
    # A docstring's flow describes the handler: error -> exception still.
    try:
        client.close_account()
    except Exception as e:  # want note "without its traceback"
        logger.error("closing failed: %s", e)
