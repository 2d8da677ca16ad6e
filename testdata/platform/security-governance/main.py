"""security-governance: compliance reports and secret rotation.

The app is built in a factory so tests can make fresh instances.
"""

import logging
import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api import router as compliance_router

logger = logging.getLogger(__name__)


def create_app() -> FastAPI:
    application = FastAPI(title="security-governance")
    application.add_middleware(
        CORSMiddleware,
        allow_origins=os.getenv("CORS_ORIGINS", "*").split(","),
        allow_headers=["Authorization"],
    )
    application.include_router(compliance_router, prefix="/compliance")

    @application.get("/readiness")
    async def readiness():
        return {"ready": True}

    return application


app = create_app()
