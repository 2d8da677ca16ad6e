"""Code that a route and a command-line program both reach is service code:
its swallow stays an error, and in library code (no entry point reaches it)
as well."""
import sys

from fastapi import FastAPI

app = FastAPI()


def refresh(cache):
    try:
        cache.refresh()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


def library_only(cache):
    try:
        cache.refresh()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


@app.post("/refresh")
def refresh_route():
    refresh(app.state.cache)
    return {"ok": True}


if __name__ == "__main__":
    refresh(sys.argv[1])
