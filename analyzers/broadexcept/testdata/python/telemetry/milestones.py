"""Telemetry's own state: which milestones this install reached."""
import json
from pathlib import Path

STATE = Path.home() / ".telemetry" / "milestones.json"


# A best-effort read of the telemetry's state: the program needs none of it.
def read_milestones():
    if STATE.exists():
        try:
            return json.loads(STATE.read_text())
        except Exception:  # want note "^`except Exception` swallows the exception; a note because the try only does telemetry \\(a read of its state, read_text\\), a best-effort action"
            pass
    return {}


# A write of it is not a read: it is reported as before.
def write_milestones(state):
    try:
        STATE.write_text(json.dumps(state))
    except Exception:  # want error "swallows the exception"
        pass
