# Generated bundle of marketing-engine; gitignored, so xylint must not report it.
from google.cloud import bigquery


def handler():
    try:
        print("bundle", bigquery.Client())
    except:
        pass
