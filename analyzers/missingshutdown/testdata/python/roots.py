"""Apps with and without shutdown handling.

A docstring example is not an app:

    app = FastAPI()
"""
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from google.cloud import bigquery
from starlette.applications import Starlette

from shared.gcp_clients import close_gcp_clients, get_firestore_client
from shared.http_client import close_http_client

bare = FastAPI(title="bare")  # want `^FastAPI app without shutdown handling \(lifespan=, on_shutdown=\[\.\.\.\] or a "shutdown" event handler\): nothing closes bigquery.Client, get_firestore_client\(\)$`

bq = bigquery.Client()


def handler():
    return get_firestore_client()


async def fetch(url):
    async with httpx.AsyncClient() as client:  # closed by the with statement
        return await client.get(url)


@asynccontextmanager
async def lifespan(app):
    yield
    close_gcp_clients()


with_lifespan = FastAPI(lifespan=lifespan)
with_lifespan_call = FastAPI(lifespan=make_lifespan("svc"))
with_on_shutdown = Starlette(on_shutdown=[close_http_client])
empty_on_shutdown = Starlette(on_shutdown=[])  # want `^Starlette app without shutdown handling`
none_lifespan = FastAPI(lifespan=None)  # want `FastAPI app without`

decorated = FastAPI()


@decorated.on_event("shutdown")
async def shutdown():
    await close_http_client()


startup_only = FastAPI()  # want `^FastAPI app with a startup hook but no shutdown handling`


@startup_only.on_event("startup")
async def startup():
    pass


handler_added = FastAPI()
handler_added.add_event_handler("shutdown", close_gcp_clients)

router_lifespan = FastAPI()
router_lifespan.router.lifespan_context = lifespan

router_on_shutdown = FastAPI()
router_on_shutdown.router.on_shutdown.append(close_gcp_clients)

aliased = FastAPI()
api = aliased
api.add_event_handler(event_type="shutdown", func=close_gcp_clients)

# Sub-apps are not roots: mounted by path or as Mount(...) routes.
root = FastAPI(lifespan=lifespan)
v1 = FastAPI()
root.mount("/v1", v1)
static_like = Starlette()
root.mount(path="/s", app=static_like)


def build_sub():
    sub = FastAPI()
    return sub


root.mount("/sub", build_sub())
