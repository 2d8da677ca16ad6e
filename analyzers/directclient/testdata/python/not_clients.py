"""Names that are not the library's constructors."""
from mylib import Client
from mylib.storage import storage


class Session:
    pass


def build(bigquery):
    # bigquery is a parameter here, not the module.
    return bigquery.Client()


def local():
    Session()
    Client()
    storage.Client()


def shadowed():
    import mylib as httpx

    return httpx.AsyncClient()
