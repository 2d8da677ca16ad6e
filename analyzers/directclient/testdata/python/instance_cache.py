"""A client a method caches on its instance: built once per instance, not
per call."""
from fastapi import FastAPI
from redis.asyncio import Redis

app = FastAPI()


class CleanupQueue:
    def __init__(self, url):
        self._url = url
        self._redis = None
        self._other = None

    def _client(self):
        if self._redis is not None:
            return self._redis
        self._redis = Redis.from_url(self._url)  # want note "^direct `redis.asyncio.Redis.from_url\\(\\)` once per instance: `CleanupQueue._client` caches it in `self._redis` \\(no service entry point is known to reach it\\)"
        return self._redis

    def other(self):
        self._other = self._other or Redis()  # want note "once per instance: `CleanupQueue.other` caches it in `self._other`"
        return self._other

    # Assigned without a test first: a new client on every call.
    def fresh(self):
        self._redis = Redis()  # want note "^direct `redis.asyncio.Redis\\(\\)` per call of `CleanupQueue.fresh`"
        return self._redis


class Store:
    def __init__(self):
        self._c = None

    def client(self):
        if self._c is None:
            self._c = Redis()  # want warning "^direct `redis.asyncio.Redis\\(\\)` per request: `Store.client` is called by route handler `read` \\(GET /read\\).*; `Store.client` caches it in `self._c`, so one per instance, as often as the instance is built"
        return self._c


@app.get("/read")
def read():
    return Store().client().get("k")
