"""A close of a client that becomes the shared one goes."""
import httpx
from google.cloud import bigquery


async def fetch(url):
    client = httpx.AsyncClient()  # want "per call of `fetch`"
    r = await client.get(url)
    await client.aclose()
    return r


async def guarded(url):
    client = httpx.AsyncClient()  # want "per call of `guarded`"
    try:
        return await client.get(url)
    finally:
        await client.aclose()


def query(sql):
    bq = bigquery.Client()  # want "per call of `query`"
    try:
        return list(bq.query(sql))
    finally:
        bq.close()  # closing the shared client would break the pool
