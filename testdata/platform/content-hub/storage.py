"""Bucket access for content-hub.

The client is cached by hand in a module global: a singleton of its own that
the shared pool (shared.gcp_clients.get_storage_client) should replace.
"""

import os

from google.cloud import storage

_storage_client = None

BUCKET = os.environ.get("CONTENT_BUCKET", "xynergy-content")


def get_bucket():
    global _storage_client
    if _storage_client is None:
        _storage_client = storage.Client()
    return _storage_client.bucket(BUCKET)
