from google.cloud import firestore


class Store:
    def __init__(self):
        self.db = firestore.Client()  # want "per request: `Store` is built per request through `Depends`"
