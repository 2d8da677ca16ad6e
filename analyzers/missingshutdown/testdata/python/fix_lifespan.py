"""The code base uses lifespans: the fix gives the app one too."""
from contextlib import asynccontextmanager

from fastapi import FastAPI

from shared.http_client import get_http_client


@asynccontextmanager
async def admin_lifespan(app):
    yield


admin = FastAPI(lifespan=admin_lifespan)
api = FastAPI(title="api")  # want `FastAPI app without shutdown handling`


@api.get("/x")
async def x():
    return await get_http_client().get("https://example.com")
