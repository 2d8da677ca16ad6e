"""Admin sub-application mounted at /admin by main.py.

It has its own dependencies (mount does not inherit the parent's) and no
lifecycle of its own: the parent app's lifespan closes the shared clients.
"""

import logging

from fastapi import Depends, FastAPI

from shared.auth import verify_api_key
from shared.gcp_clients import get_firestore_client

logger = logging.getLogger(__name__)

admin_app = FastAPI(dependencies=[Depends(verify_api_key)])


@admin_app.post("/reindex")
async def reindex():
    try:
        count = sum(1 for _ in get_firestore_client().collection("content").stream())
    except* ConnectionError:
        logger.exception("reindex failed")
        raise
    return {"reindexed": count}


@admin_app.delete("/cache")
async def purge_cache():
    return {"purged": True}
