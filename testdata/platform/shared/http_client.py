"""One pooled httpx client per process (phase 2: HTTP connection pooling).

Services call ``get_http_client()`` instead of building ``httpx.AsyncClient()``
per request, and ``close_http_client()`` from their shutdown hook.
"""

import logging

import httpx

logger = logging.getLogger(__name__)

_client: httpx.AsyncClient | None = None

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)


def get_http_client() -> httpx.AsyncClient:
    """Return the process-wide client, creating it on first use."""
    global _client
    if _client is None or _client.is_closed:
        _client = httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, limits=DEFAULT_LIMITS)
    return _client


async def close_http_client() -> None:
    global _client
    if _client is not None:
        await _client.aclose()
        logger.info("shared HTTP client closed")
        _client = None
