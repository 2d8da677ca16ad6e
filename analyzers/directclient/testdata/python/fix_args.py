"""Arguments: kept, named, dropped (unsafe) or no fix."""
from google.cloud import bigquery
import httpx

PROJECT = "p"


def positional():
    return bigquery.Client(PROJECT).query("q")  # want "per call of `positional`"


def keyword():
    return bigquery.Client(  # want "per call of `keyword`"
        project=PROJECT,  # the project of the jobs
    ).query("q")


def other_argument():
    return bigquery.Client(PROJECT, location="EU").query("q")  # want "per call of `other_argument`"


def splat(**kw):
    return bigquery.Client(**kw).query("q")  # want "per call of `splat`"


async def timeout(url):
    client = httpx.AsyncClient(timeout=30)  # want "per call of `timeout`"
    return await client.get(url)


async def base_url(path):
    client = httpx.AsyncClient(base_url="https://api")  # want "per call of `base_url`"
    return await client.get(path)
