"""Both branches bind the alias: a fix may rely on it."""
import os

from fastapi import FastAPI
import sys

try:
    import logging as _log
except ImportError:  # a Python built without it
    _log = None

LEVEL = _log.INFO if _log else 20

app = FastAPI()


@app.get("/")
def load():
    try:
        return compute()
    except Exception:  # want "swallows"
        pass
