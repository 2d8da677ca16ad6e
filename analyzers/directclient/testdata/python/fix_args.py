"""Arguments: kept, named, dropped (unsafe) or no fix."""
from google.cloud import bigquery, secretmanager_v1
import httpx

PROJECT = "p"


def positional():
    return bigquery.Client(PROJECT).query("q")  # want "per call of `positional`.*; use `shared.gcp_clients.get_bigquery_client\\(\\)`$"


def keyword():
    return bigquery.Client(  # want "per call of `keyword`"
        project=PROJECT,  # the project of the jobs
    ).query("q")


def other_argument():
    return bigquery.Client(PROJECT, location="EU").query("q")  # want "per call of `other_argument`.*; `shared.gcp_clients.get_bigquery_client\\(\\)` takes no `location`: pool one client per `location` \\(a getter in `shared.gcp_clients` that takes it\\)$"


def splat(**kw):
    return bigquery.Client(**kw).query("q")  # want "per call of `splat`"


async def timeout(url):
    client = httpx.AsyncClient(timeout=30)  # want "per call of `timeout`.*; use `shared.http_client.get_http_client\\(\\)`"
    return await client.get(url)


async def base_url(path):
    client = httpx.AsyncClient(base_url="https://api")  # want "per call of `base_url`.*takes no `base_url`"
    return await client.get(path)


def regional(location):
    # A regional endpoint: the shared client talks to the global one.
    client = secretmanager_v1.SecretManagerServiceClient(  # want "per call of `regional`.*; `shared.gcp_clients.get_secret_manager_client\\(\\)` takes no `client_options`: pool one client per `client_options`"
        client_options={"api_endpoint": f"secretmanager.{location}.rep.googleapis.com"},
    )
    return client.list_secrets(parent="p")
