"""Plugin loading of a service: prints that are the last resort of logging."""
import logging
import sys

from fastapi import FastAPI

app = FastAPI()
log = logging.getLogger(__name__)


def load_plugins(names):
    for name in names:
        try:
            __import__(name)
        except Exception as exc:
            try:
                log.exception("plugin %s failed: %s", name, exc)
            except Exception:
                # Logging itself failed: there is no logger left.
                print(f"plugin {name} failed: {exc}", file=sys.stderr)


def notify(hook, payload):
    try:
        logging.getLogger("hooks").warning("calling %s", hook)
    except Exception:
        print("could not log the hook call")


def send(client, payload):
    try:
        client.post(payload)
    except Exception as exc:
        # The try does no logging: the print stands in for a logger.
        print("send failed:", exc, file=sys.stderr)  # want "`print` call"


def nested(client):
    try:
        log.info("sending")
        client.post({})
    except Exception:
        def report():
            print("deferred")  # want "`print` call"
        report()


@app.get("/")
def index():
    load_plugins(["a"])
    notify("h", {})
    send(None, {})
    nested(None)
    return {}
