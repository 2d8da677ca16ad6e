# Uses the requests library (the word alone is no entry) and runs as a job.
import requests

import clients


def run(requests_session=None):
    requests.get("https://example.com")
    clients.nightly_bq().query("SELECT 1")
