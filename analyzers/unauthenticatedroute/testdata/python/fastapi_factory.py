# An app built in a factory, with routers included there.
from fastapi import APIRouter, Depends, FastAPI

from app.security import get_current_user  # a configured name, from a module outside the project

router = APIRouter(dependencies=[Depends(get_current_user)])
open_router = APIRouter()


@router.post("/secure")
async def secure():
    return {}


@open_router.post("/open")  # want "POST /v1/open reaches no auth dependency; add auth to the route or to router `fastapi_factory.open_router` \\(line 7\\)"
async def open_():
    return {}


def create_app() -> FastAPI:
    application = FastAPI()
    for r in (router, open_router):
        application.include_router(r, prefix="/v1")

    @application.get("/readiness")
    async def readiness():
        return {"ready": True}

    @application.get("/stats")  # want "GET /stats reaches no auth dependency"
    async def stats():
        return {}

    return application
