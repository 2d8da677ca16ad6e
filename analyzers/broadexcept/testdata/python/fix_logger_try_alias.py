"""The alias is bound in a try whose except binds something else."""
import os

from fastapi import FastAPI

try:
    import logging as _log
    HAVE_LOGGING = True
except ImportError:
    HAVE_LOGGING = False

app = FastAPI()


@app.get("/")
def load():
    try:
        return compute()
    except Exception:  # want "swallows"
        pass
