"""dictConfig may set any level: INFO records are taken to show."""
import logging
from logging.config import dictConfig

from fastapi import FastAPI

dictConfig({"version": 1, "root": {"level": "INFO"}})
app = FastAPI()


@app.get("/")
def index():
    print("index called")  # want "in service code"
    return {}
