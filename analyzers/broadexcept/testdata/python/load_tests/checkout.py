"""A load test (by its path and its content): what a service reports as a
warning is a note."""
from locust import HttpUser, task


class Checkout(HttpUser):
    @task
    def create(self):
        try:
            self.client.post("/v1/checkouts/")
        except Exception:  # want note "^`except Exception` without re-raise or traceback logging; a note in a one-off script, not service code"
            self.interrupt()
