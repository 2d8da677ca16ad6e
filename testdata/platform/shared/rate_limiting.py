"""Token-bucket rate limiting for the AI endpoints (phase 1)."""

import time
from collections import defaultdict

from fastapi import HTTPException, Request, status


class TokenBucket:
    def __init__(self, rate_per_minute: int, burst: int) -> None:
        self.rate = rate_per_minute / 60.0
        self.burst = burst
        self.tokens: dict[str, float] = defaultdict(lambda: float(burst))
        self.updated: dict[str, float] = {}

    def take(self, key: str) -> bool:
        now = time.monotonic()
        elapsed = now - self.updated.get(key, now)
        self.updated[key] = now
        self.tokens[key] = min(self.burst, self.tokens[key] + elapsed * self.rate)
        if self.tokens[key] < 1:
            return False
        self.tokens[key] -= 1
        return True


_ai_bucket = TokenBucket(rate_per_minute=60, burst=10)


async def rate_limit_ai(request: Request) -> None:
    """FastAPI dependency: 60 AI calls a minute per API key or client address."""
    key = request.headers.get("X-API-Key") or (request.client.host if request.client else "unknown")
    if not _ai_bucket.take(key):
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS, "rate limit exceeded")
