"""Its test replaces the constructor by assignment: no fix."""
from fastapi import FastAPI
from google.cloud import firestore

app = FastAPI()


@app.get("/cities")
def cities():
    db = firestore.Client()  # want "\\(no fix: the tests patch `app.stores.firestore.Client`"
    return [d.id for d in db.collection("cities").stream()]
