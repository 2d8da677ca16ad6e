"""No logger yet: the fix adds one."""
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def index():
    try:
        return compute()
    except Exception:  # want "swallows"
        pass
