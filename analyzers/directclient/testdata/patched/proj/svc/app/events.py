"""Its tests use patch.object on the module's library name."""
from fastapi import FastAPI
from google.cloud import pubsub_v1

app = FastAPI()


@app.post("/events")
def publish(data: str):
    publisher = pubsub_v1.PublisherClient()  # want "\\(no fix: the tests patch `app.events.pubsub_v1.PublisherClient`"
    publisher.publish("projects/p/topics/t", data.encode())
