"""A FastAPI service without a logger yet: its prints are diagnostics."""
from fastapi import FastAPI

from app.observability import setup_logging

app = FastAPI()
setup_logging()  # the service sets logging up: INFO records show


@app.get("/items/{item_id}")
def read_item(item_id: int):
    print(f"reading {item_id}")  # want "`print` call"
    return {"id": item_id}
