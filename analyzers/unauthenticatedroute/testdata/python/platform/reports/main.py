from fastapi import FastAPI

from dependencies import Service

app = FastAPI()


@app.get("/daily")
def daily(service: Service):
    return {}


@app.get("/weekly")  # want "GET /weekly reaches no auth dependency"
def weekly():
    return {}
