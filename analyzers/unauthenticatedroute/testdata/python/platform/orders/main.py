# A service that is a root of its own: it imports its routers package and
# the platform's shared package as its container does.
from fastapi import Depends, FastAPI

from routers import api_router, webhooks
from shared.auth import verify_api_key

app = FastAPI()

# Two include_router hops: routers/__init__.py gathers the routers.
app.include_router(api_router, prefix="/api/v1", dependencies=[Depends(verify_api_key)])
app.include_router(webhooks.router, prefix="/webhooks")


@app.get("/stats")  # want "GET /stats reaches no auth dependency; add auth to the route or to app `main.app` \\(line 8\\)"
async def stats():
    return {}
