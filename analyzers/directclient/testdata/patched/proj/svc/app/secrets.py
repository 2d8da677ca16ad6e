"""Its tests patch the library's class itself (mocker.patch): a pooled
client built by the first test would outlive the mock."""
from fastapi import FastAPI
from google.cloud import secretmanager

app = FastAPI()


@app.get("/secret")
def secret():
    client = secretmanager.SecretManagerServiceClient()  # want "\\(no fix: the tests patch `google.cloud.secretmanager.SecretManagerServiceClient`"
    return client.access_secret_version(name="projects/p/secrets/s/versions/latest").payload.data
