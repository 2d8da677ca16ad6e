"""Pooled Google Cloud clients (phase 2: GCP client pooling).

Each getter builds its client once per process and returns the same object
afterwards. ``close_gcp_clients()`` is called from the services' shutdown hooks.
"""

import logging
from functools import lru_cache

from google.cloud import bigquery, firestore, pubsub_v1, secretmanager, storage

logger = logging.getLogger(__name__)


@lru_cache(maxsize=None)
def get_bigquery_client(project: str | None = None) -> bigquery.Client:
    return bigquery.Client(project=project)


@lru_cache(maxsize=None)
def get_storage_client(project: str | None = None) -> storage.Client:
    return storage.Client(project=project)


@lru_cache(maxsize=None)
def get_publisher_client() -> pubsub_v1.PublisherClient:
    return pubsub_v1.PublisherClient()


@lru_cache(maxsize=None)
def get_subscriber_client() -> pubsub_v1.SubscriberClient:
    return pubsub_v1.SubscriberClient()


@lru_cache(maxsize=None)
def get_firestore_client(project: str | None = None) -> firestore.Client:
    return firestore.Client(project=project)


@lru_cache(maxsize=None)
def get_secret_manager_client() -> secretmanager.SecretManagerServiceClient:
    return secretmanager.SecretManagerServiceClient()


_GETTERS = (
    get_bigquery_client,
    get_storage_client,
    get_publisher_client,
    get_subscriber_client,
    get_firestore_client,
    get_secret_manager_client,
)


def close_gcp_clients() -> None:
    """Close every client that was built and forget it."""
    for getter in _GETTERS:
        if getter.cache_info().currsize:
            for client in _built_clients(getter):
                close = getattr(client, "close", None) or getattr(client, "stop", None)
                if close is not None:
                    close()
            getter.cache_clear()
    logger.info("shared GCP clients closed")


def _built_clients(getter):
    # lru_cache keeps no public list of its values; the getters take at most a
    # project, so calling with the default returns the cached instance.
    return [getter()]
