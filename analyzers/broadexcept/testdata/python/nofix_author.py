"""Swallows whose author says the failure is expected, or that already
print it: they are findings, but get no logger.exception record."""
import logging
import sys

from tracking_lib.analytics import mark_milestone

logger = logging.getLogger(__name__)


def work():
    return sys.argv


def pick_viewports():
    """Pick viewports. Falls back to desktop-only when there's no TTY or
    the prompt library is missing."""
    if sys.stdin.isatty():
        try:
            return work()
        except Exception:  # want warning "swallows the exception; a warning, not an error: the function goes on after the try"
            pass
    return ["desktop"]


def sync_pool():
    # Don't fail the deployment if the work pool update fails
    try:
        work()
    except Exception:  # want note "swallows the exception; a note because the comment above the try says it is deliberate \\(\"Don't fail the deployment if the work pool update fails\"\\)$"
        pass
    return work()


def disable_checks():
    try:
        work()
    except Exception:  # want warning "prints that something failed"
        print("Failed to disable foreign key checks. Continuing.")


def deploy():
    work()
    try:
        mark_milestone("first_deployment_created")
    except Exception:  # want note "swallows the exception; a note because the try only does telemetry \\(mark_milestone\\), a best-effort action"
        pass
    return work()


# The docstring and the comments of other functions say nothing for this one.
def plain():
    """Run the work."""
    try:
        work()
    except Exception:  # want error "swallows"
        pass
    return work()
