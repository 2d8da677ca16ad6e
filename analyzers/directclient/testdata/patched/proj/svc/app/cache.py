"""Its test replaces the constructor through the module's own name: no fix."""
from fastapi import FastAPI
from google.cloud.storage import Client

app = FastAPI()


@app.get("/buckets")
def buckets():
    client = Client()  # want "\\(no fix: the tests patch `app.cache.Client`"
    return [b.name for b in client.list_buckets()]
