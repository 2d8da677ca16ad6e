"""Another service's validators.py: svc-a's routes do not reach it."""
from google.cloud import bigquery


def validate(body):
    return bigquery.Client()  # want "per call of `validate`"
