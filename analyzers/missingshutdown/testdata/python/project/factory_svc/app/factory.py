from fastapi import FastAPI
from google.cloud import pubsub_v1


def create_app():
    app = FastAPI()
    app.state.publisher = pubsub_v1.PublisherClient()
    return app


def create_unhandled_app():
    return FastAPI()  # want `FastAPI app without shutdown handling .*: nothing closes pubsub_v1.PublisherClient, get_storage_client\(\)$`
