"""A service whose app is built in a factory."""
import logging

from fastapi import FastAPI

from shared.gcp_clients import get_bigquery_client, get_storage_client
from shared.http_client import get_http_client

logger = logging.getLogger(__name__)


def create_app() -> FastAPI:
    application = FastAPI(title="svc")  # want `FastAPI app without shutdown handling`
    application.state.bq = get_bigquery_client()
    return application


app = create_app()
