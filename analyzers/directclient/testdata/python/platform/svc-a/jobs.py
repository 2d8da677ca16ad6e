from google.cloud import bigquery


def nightly():
    return bigquery.Client().query("SELECT 1")  # want "per call of `nightly`"
