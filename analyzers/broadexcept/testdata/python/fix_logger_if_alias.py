"""The only logging alias is bound under an if: the logger gets its own import."""
import os

from fastapi import FastAPI

if os.environ.get("ENABLE_TRACE") == "1":
    import logging as _log

    _log.getLogger("trace").setLevel(10)

app = FastAPI()


@app.get("/")
def load():
    try:
        return compute()
    except Exception:  # want "swallows"
        pass
