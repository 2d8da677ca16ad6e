# FastAPI(dependencies=...) protects every route of the app, also those of
# the routers it includes; a mounted sub-app keeps its own dependencies.
from fastapi import APIRouter, Depends, FastAPI

from shared.auth import verify_api_key

app = FastAPI(dependencies=[Depends(verify_api_key)])
router = APIRouter()
hooks = FastAPI()


@app.post("/write")
async def write():
    return {}


@router.delete("/thing")
async def delete_thing():
    return {}


@hooks.post("/hook")  # want "POST /sub/hook reaches no auth dependency; add auth to the route or to app `fastapi_app_dependencies.hooks`"
async def hook():
    return {}


app.include_router(router, prefix="/r")
app.mount("/sub", hooks)
