"""Its tests replace the imported class with monkeypatch.setattr(uploads,
"Client", ...)."""
from fastapi import FastAPI
from google.cloud.storage import Client

app = FastAPI()


@app.post("/uploads")
def upload(name: str):
    client = Client()  # want "\\(no fix: the tests patch `app.uploads.Client`; a pooled client built once would not be their mock\\)$"
    client.bucket("b").blob(name).upload_from_string("x")
