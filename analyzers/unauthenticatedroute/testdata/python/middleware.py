"""FastAPI function middleware that turns away requests without the key
protects every route of its app; one that only adds headers does not."""
import os

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

api = FastAPI()
web = FastAPI()


@api.middleware("http")
async def require_key(request: Request, call_next):
    if request.url.path in ("/health", "/ready"):
        return await call_next(request)
    if request.headers.get("Authorization") is None:
        return JSONResponse(status_code=401, content={"detail": "Unauthorized"})
    return await call_next(request)


@web.middleware("http")
async def add_headers(request: Request, call_next):
    response = await call_next(request)
    response.headers["X-Frame-Options"] = "DENY"
    return response


@api.post("/runs")
async def create_run():
    return {}


@web.post("/runs")  # want error "POST /runs reaches no auth dependency"
async def create_web_run():
    return {}
