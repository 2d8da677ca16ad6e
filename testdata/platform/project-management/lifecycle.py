import logging
from contextlib import asynccontextmanager

from shared.gcp_clients import close_gcp_clients
from shared.http_client import close_http_client

logger = logging.getLogger(__name__)


def build_lifespan(service: str):
    @asynccontextmanager
    async def lifespan(app):
        logger.info("%s starting", service)
        yield
        await close_http_client()
        close_gcp_clients()
        logger.info("%s stopped", service)

    return lifespan
