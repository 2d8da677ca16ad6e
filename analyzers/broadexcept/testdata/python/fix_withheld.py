"""Handlers whose author decided: no fix; a fallback is not narrowed."""
import json


def load(body):
    try:
        return json.loads(body)
    except Exception:  # want note "fallback around"
        # broad except on purpose: any bad body is a 400
        return None


def token(body):
    try:
        return json.loads(body)["token"]
    except Exception:  # want note "fallback around"
        # The traceback is left out: it would carry the token.
        pass


def fallback(body):
    try:
        data = json.loads(body)
        return data["id"]
    except KeyError:
        return None
    except Exception:  # want note "fallback around"
        pass


def first(body):
    try:
        return int(json.loads(body)["n"])
    except Exception:  # want note "fallback around"
        return 0
