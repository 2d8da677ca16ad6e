from app import cache, stores


class FakeFirestore:
    def collection(self, name):
        return []


# Replaced by assignment, as python-docs-samples' firestore snippets_test.py
# does with its own client class.
stores.firestore.Client = FakeFirestore
cache.Client = FakeFirestore


class Holder:
    def __init__(self):
        # An attribute of an object, not a module's name: replaces nothing.
        self.Client = None
