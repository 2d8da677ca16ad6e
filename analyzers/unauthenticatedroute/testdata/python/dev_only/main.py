"""Routers mounted only in development: a deployed service does not serve
them, so their open routes are notes that say under which condition."""
import os

from fastapi import APIRouter, FastAPI

from .settings import settings
from . import seed

app = FastAPI()
api = APIRouter()
app.include_router(api, prefix="/api")

if settings.ENVIRONMENT == "local":
    api.include_router(seed.router)

if os.getenv("APP_ENV") in ("dev", "test"):
    app.include_router(seed.fixtures)

if settings.ENV != "production":
    app.include_router(seed.debug)

# Not a development check: the condition is about something else, or a
# production value.
if settings.ENABLE_ADMIN:
    app.include_router(seed.admin)

if settings.ENVIRONMENT == "staging":
    app.include_router(seed.staging)

# Mounted in development and, elsewhere, in every environment: the route
# is served in production, and reported as such.
if settings.ENVIRONMENT == "development":
    app.include_router(seed.both, prefix="/dev")
app.include_router(seed.both)
