from google.cloud import bigquery, storage


def bq():
    return bigquery.Client()  # want "per request: `bq` is called by route handler `items` \\(GET /items\\)"


def gcs():
    return storage.Client()  # want "per request: `gcs` is called by request handler `export`"


def nightly_bq():
    return bigquery.Client()  # want "per call of `nightly_bq`"
