"""Handlers that log the traceback are not reported."""
import logging
import logging as lg
import sys
from logging import getLogger

import structlog
from loguru import logger as loguru_logger

logger = logging.getLogger(__name__)
audit = getLogger("audit")
events = structlog.get_logger()
_log = logging.getLogger()


def work():
    pass


def flow_run_logger(run):
    return logger.getChild(str(run))


try:
    work()
except Exception:
    logger.exception("failed")

try:
    work()
except Exception:
    logging.exception("module-level logging")

try:
    work()
except Exception:
    lg.error("aliased module", exc_info=True)

try:
    work()
except Exception as e:
    audit.warning("a getLogger result with another name", exc_info=e)

try:
    work()
except Exception:
    events.error("structlog", exc_info=sys.exc_info())

try:
    work()
except Exception:
    loguru_logger.exception("loguru")

try:
    work()
except Exception:
    _log.critical("underscored", exc_info=1)

try:
    work()
except Exception:
    logging.getLogger(__name__).exception("inline getLogger")


class Service:
    def __init__(self):
        self.logger = logging.getLogger("svc")

    def run(self):
        try:
            work()
        except Exception:
            self.logger.exception("attribute logger")


def flask_view(app):
    try:
        work()
    except Exception:
        app.logger.error("flask's app logger", exc_info=True)


def logged_in_nested_def_only():
    try:
        work()
    except Exception:  # want warning "without re-raise"
        def report():
            logger.exception("never called here")

        return report


def logged_in_branch():
    try:
        work()
    except Exception as e:
        if e:
            logger.exception("logged on one path")
        return None


def not_a_logger():
    catalog = object()
    try:
        work()
    except Exception as e:  # want warning "without re-raise"
        catalog.error("x", e)


def exc_info_to_a_log_method_held_in_a_variable(attempts):
    # Only logging APIs take exc_info=: whatever the receiver, the traceback
    # is logged.
    try:
        work()
    except Exception:
        log = logger.warning if attempts == 1 else logger.debug
        log("still failing", exc_info=True)


def logger_made_by_a_function(run):
    try:
        work()
    except Exception:
        flow_run_logger(run).warning("hook failed", exc_info=True)
