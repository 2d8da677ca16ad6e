"""Usage events: the file's name (usage_metrics) says it is telemetry."""
import json
import logging
import subprocess

logger = logging.getLogger(__name__)


def track(payload):
    try:
        proc = subprocess.Popen(["send"], stdin=subprocess.PIPE)
        proc.stdin.write(payload)
    except Exception:  # want note "swallows the exception; a note because the try only does telemetry \\(track\\)"
        pass


def read_id(raw):
    # Narrowing adds no record: still made here.
    try:
        return json.loads(raw)["id"]
    except Exception:  # want note "fallback around"
        return None
