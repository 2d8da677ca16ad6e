"""Functions that build a client on every call, and classes per instance."""
import httpx
from google.cloud import bigquery, secretmanager


def run_query(sql):
    client = bigquery.Client()  # want note "^direct `bigquery.Client\\(\\)` per call of `run_query` \\(in a command-line program, not a service\\); use `shared.gcp_clients.get_bigquery_client\\(\\)`$"
    return client.query(sql).result()


def get_secret_client():
    # A "getter" that builds a new client on every call is per call.
    return secretmanager.SecretManagerServiceClient()  # want note "per call of `get_secret_client` \\(in a command-line program, not a service\\); use `shared.gcp_clients.get_secret_manager_client\\(\\)`"


async def fetch(url):
    async with httpx.AsyncClient(timeout=5) as client:  # want "`httpx.AsyncClient\\(\\)` per call of `fetch`"
        return (await client.get(url)).json()


class Repository:
    def __init__(self):
        self.bq = bigquery.Client()  # want "per instance of `Repository`"

    def lazy(self):
        # An instance attribute lives as long as the instance: not a
        # process-wide cache, but not one client per call either.
        if self._client is None:
            self._client = bigquery.Client()  # want "once per instance: `Repository.lazy` caches it in `self._client`"
        return self._client


def outer():
    def inner():
        return bigquery.Client()  # want "per call of `outer.inner`"

    return inner()


# Module-level code in a class body or under __main__ runs once.
class Settings:
    client = bigquery.Client()  # want "at module level"


if __name__ == "__main__":
    bigquery.Client()  # want note "at module level: once per process"
