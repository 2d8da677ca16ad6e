"""Uses that make the fix unsafe: the client escapes or is reconfigured."""
import httpx
from google.cloud import bigquery


class Repo:
    def __init__(self):
        self.bq = bigquery.Client()  # want "per instance of `Repo`"


def make():
    return bigquery.Client()  # want "per call of `make`"


async def headers(url, token):
    client = httpx.AsyncClient()  # want "per call of `headers`"
    client.headers["Authorization"] = token
    return await client.get(url)


def passed(run):
    c = bigquery.Client()  # want "per call of `passed`"
    return run(c)
