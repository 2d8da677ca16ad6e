"""Prints that are the log sink (a command's output is not reported at all:
roles/commands.py)."""
import json
import sys
import logging

logger = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def log_json(level, msg, **fields):
    print(json.dumps({"severity": level, "message": msg, **fields}))  # want "`print` call"


def write(entry):
    print(json.dumps(entry), flush=True)  # want "`print` call"


class StdoutHandler(logging.Handler):
    def emit(self, record):
        print(self.format(record))  # want "`print` call"


def stray(x):
    print("debug", x)  # want "`print` call"


def _write_output_line(line):
    print(line, file=sys.stderr)  # want "`print` call"
