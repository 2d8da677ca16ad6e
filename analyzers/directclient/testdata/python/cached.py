"""Hand-made singletons: cached, but still not the shared pool."""
import functools
from functools import lru_cache

import httpx
from google.cloud import bigquery, firestore, storage

_storage = None
_clients = {}
_http = None


def get_storage():
    global _storage
    if _storage is None:
        _storage = storage.Client()  # want note "^hand-made cached `storage.Client\\(\\)` singleton \\(global \\+ None check in `get_storage`\\): once per process; use `shared.gcp_clients.get_storage_client\\(\\)`$"
    return _storage


def get_storage_early_return():
    global _storage
    if _storage is not None:
        return _storage
    _storage = storage.Client()  # want "cached `storage.Client\\(\\)` singleton \\(global \\+ None check"
    return _storage


def get_http():
    global _http
    _http = _http or httpx.AsyncClient()  # want "cached `httpx.AsyncClient\\(\\)` singleton \\(global \\+ `or`"
    return _http


def client_for(project):
    if project not in _clients:
        _clients[project] = bigquery.Client(project=project)  # want "cached .*module-level dict \\+ None check"
    return _clients[project]


@lru_cache(maxsize=1)
def bq():
    return bigquery.Client()  # want note "cached `bigquery.Client\\(\\)` singleton \\(`@lru_cache` in `bq`\\): once per process"


@functools.cache
def fs():
    return firestore.Client()  # want "`@cache` in `fs`"


class Pool:
    _client = None

    @classmethod
    def client(cls):
        if cls._client is None:
            cls._client = bigquery.Client()  # want "class attribute \\+ None check in `Pool.client`"
        return cls._client


def reset():
    # Assigned to the global without a check: a new client on every call.
    global _storage
    _storage = storage.Client()  # want "per call of `reset`"
