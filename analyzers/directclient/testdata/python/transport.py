"""Clients built on a connection pool the call gives them."""
import aiohttp
import httpx
import requests
from requests.adapters import HTTPAdapter

import safehttp

# One transport per process, kept so that every client shares its pool.
_transport = httpx.AsyncHTTPTransport()
_insecure_transport = httpx.AsyncHTTPTransport(verify=False)
_adapter = HTTPAdapter(pool_maxsize=20)
_connector = aiohttp.TCPConnector(limit=50)


class Hook:
    def setup(self, verify):
        # A client per instance on a module-level pool: the pool is shared.
        transport = _transport if verify else _insecure_transport
        self._client = httpx.AsyncClient(transport=transport)

    def setup_one(self):
        self._client = httpx.AsyncClient(transport=_transport, timeout=5)


def mounted():
    s = requests.Session()
    s.mount("https://", _adapter)
    return s


def connected():
    return aiohttp.ClientSession(connector=_connector, connector_owner=False)


async def fetch_user_url(url):
    # An SSRF guard: the shared client has none, so it is no replacement.
    async with httpx.AsyncClient(transport=safehttp.AsyncSafeTransport(), timeout=15) as client:  # want note "^direct `httpx.AsyncClient\\(\\)` per call of `fetch_user_url` .*; built on its own transport \\(`transport=safehttp.AsyncSafeTransport\\(\\)`\\), which the shared client would drop: that client is no replacement \\(a note\\); to share the pool, build the transport once at module level and pass it in$"
        return (await client.get(url)).text


async def fetch_retrying(url):
    # A local transport, built here: not a shared pool.
    transport = httpx.AsyncHTTPTransport(retries=3)
    async with httpx.AsyncClient(transport=transport) as client:  # want note "built on its own transport \\(`transport=transport`\\)"
        return (await client.get(url)).text


def mounted_here():
    s = requests.Session()  # want note "built on its own transport \\(`mount\\(HTTPAdapter\\(max_retries=3\\)\\)`\\)"
    s.mount("https://", HTTPAdapter(max_retries=3))
    return s


def reassigned(verify):
    # One of the values is built here: not only module-level objects.
    transport = _transport
    if not verify:
        transport = httpx.AsyncHTTPTransport(verify=False)
    return httpx.AsyncClient(transport=transport)  # want note "built on its own transport"


class Tinybird:
    def __init__(self, token):
        # A mock transport only when disabled: in use the client has the
        # default pool, which the shared client replaces.
        self.client = httpx.AsyncClient(transport=(httpx.MockTransport(None) if token is None else None))  # want note "^direct `httpx.AsyncClient\\(\\)` per instance of `Tinybird` .*; use `shared.http_client.get_http_client\\(\\)`$"


def tuned():
    return httpx.AsyncClient(  # want note "built on its own transport \\(`transport=httpx.AsyncHTTPTransport\\(limits=httpx.Limits\\(max_connection…`\\)"
        transport=httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=20, max_keepalive_connections=10),
            retries=0,
        )
    )
