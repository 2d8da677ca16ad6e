"""uvicorn's logging configuration is its own loggers' ("uvicorn.error",
"uvicorn.access"), not the root logger's: a module logger's INFO records
are still dropped."""
import uvicorn
from fastapi import FastAPI

app = FastAPI()


@app.get("/")
def index():
    print("index called")  # want "in service code"
    return {}


if __name__ == "__main__":
    uvicorn.run(app, log_level="info")
