"""A command-line program's own helpers (as prefect's cli/_utilities.py)."""
import logging
import sys
from typing import NoReturn

import sentry_sdk
import typer

logger = logging.getLogger(__name__)


def exit_with_error(message, code: int = 1, **kwargs) -> NoReturn:
    """Print a message and exit with a non-zero code."""
    kwargs.setdefault("style", "red")
    typer.echo(message, err=True)
    raise SystemExit(code)


def exit_with_success(message) -> NoReturn:
    typer.echo(message)
    raise SystemExit(0)


def die(code=2):
    sys.exit(code)


def fail_if(condition, message):
    # Exits only sometimes: not an exit for the handler.
    if condition:
        typer.echo(message, err=True)
        raise typer.Exit(1)


def report_error():
    """Records the exception being handled."""
    sentry_sdk.capture_exception()


def log_current_error(message):
    logger.error(message, exc_info=True)


def describe(error):
    return str(error)
