"""FastAPI: handlers, what they call, dependencies, startup code."""
from contextlib import asynccontextmanager
from typing import Annotated

import httpx
from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI
from google.cloud import bigquery, firestore, pubsub_v1, storage


@asynccontextmanager
async def lifespan(app):
    app.state.http = httpx.AsyncClient()  # want note "^direct `httpx.AsyncClient\\(\\)` at startup in lifespan `lifespan`: once per process; use `shared.http_client.get_http_client\\(\\)` \\(no fix: the client is stored where other code can close or reconfigure the shared one\\)$"
    yield


app = FastAPI(lifespan=lifespan)
router = APIRouter()


@app.on_event("startup")
async def warm():
    app.state.bq = bigquery.Client()  # want "at startup in startup hook `warm`"


@app.get("/stats/daily")
async def daily_stats():
    client = bigquery.Client()  # want warning "^direct `bigquery.Client\\(\\)` per request in route handler `daily_stats` \\(GET /stats/daily\\); use `shared.gcp_clients.get_bigquery_client\\(\\)`$"
    return list(client.query("SELECT 1").result())


def load_rows(table):
    return bigquery.Client().list_rows(table)  # want "per request: `load_rows` is called by route handler `rows` \\(POST /rows\\);"


def helper():
    return load_rows("t")


@router.post("/rows")
async def rows():
    load_rows("t")
    return helper()


async def proxy_helper():
    async with httpx.AsyncClient() as client:  # want "per request: `proxy_helper` is called by route handler `proxy` \\(GET /proxy\\) through `forward`"
        return await client.get("https://example.com")


async def forward():
    return await proxy_helper()


@router.api_route("/proxy", methods=["get", "post"])
async def proxy():
    return await forward()


def get_db():
    db = firestore.Client()  # want "per request in dependency `get_db`"
    yield db


class Events:
    def __init__(self):
        self.publisher = pubsub_v1.PublisherClient()  # want "per request: `Events` is built per request through `Depends`; use `shared.gcp_clients.get_publisher_client\\(\\)`"


EventsDep = Annotated[Events, Depends(Events)]


@router.post("/events")
async def emit(events: EventsDep, db=Depends(get_db)):
    return {}


def archive(name):
    storage.Client().bucket("b").blob(name).upload_from_string("x")  # want "per request: `archive` is called by route handler `upload`"


@router.post("/upload")
async def upload(tasks: BackgroundTasks):
    # Background tasks run after the response, still once per request.
    tasks.add_task(archive, "n")
    return {}


class Service:
    def run(self):
        return self._client().query("x")

    def _client(self):
        return bigquery.Client()  # want "per request: `Service._client` is called by route handler `svc` \\(GET /svc\\) through `Service.run`"


@router.get("/svc")
def svc():
    return Service().run()


def later():
    return bigquery.Client()  # want "per request: `later` is called by route handler `registered`"


async def registered():
    return later()


router.add_api_route("/registered", registered)


def unused():
    return bigquery.Client()  # want note "per call of `unused` \\(no service entry point is known to reach it\\)"
