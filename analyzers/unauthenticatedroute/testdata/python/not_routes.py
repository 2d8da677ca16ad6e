# Things that look like routes but are not.
import requests
from starlette.applications import Starlette


def fetch():
    return requests.get("https://example.com")


class Cache:
    def get(self, key):
        return key


cache = Cache()


@cache.get("x")
def decorated_by_something_else():
    return None


metrics = Starlette()
