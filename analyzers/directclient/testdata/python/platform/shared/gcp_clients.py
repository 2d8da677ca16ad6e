"""The pool module builds the clients: exempt (pool-modules)."""
from functools import lru_cache

from google.cloud import bigquery, storage


@lru_cache(maxsize=None)
def get_bigquery_client(project=None):
    return bigquery.Client(project=project)


def get_storage_client():
    return storage.Client()
