"""CRLF line endings stay CRLF."""
import httpx
from google.cloud import bigquery


async def fetch(url):
    async with httpx.AsyncClient() as client:  # want "per call of `fetch`"
        text = """a
    b
        """
        return await client.get(url + text)


def rows():
    return list(bigquery.Client().query("q"))  # want "per call of `rows`"
