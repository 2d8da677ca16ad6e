"""Hand a saved build log to the log collector.

Usage:
    python -m shiplog /tmp/build.log

Reads SHIPLOG_TARGET from the environment. Exits silently on failure.
"""
import logging
import sys

logger = logging.getLogger(__name__)


def ship(text):
    return len(text), sys.argv


def main():
    try:
        ship(sys.stdin.read())
    except Exception:  # want error "swallows"
        pass


class Uploader:
    """Uploads in the background: a failed upload is ignored, the caller goes on."""

    def upload(self, text):
        try:
            ship(text)
        except Exception:  # want error "swallows"
            pass
