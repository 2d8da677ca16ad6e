"""A comment that says the next line imports the client library describes
the constructor's import only: with the getter's import in its place it
would describe that one, so it goes. One that heads other imports too
stays; the blank lines between a sample's steps stay."""


def make_bucket(name):
    # [START storage_make_bucket]
    # Imports the Google Cloud client library
    from google.cloud import storage

    # Instantiates a client
    storage_client = storage.Client()  # want "per call of `make_bucket`"

    # Creates the new bucket
    bucket = storage_client.create_bucket(name)
    return bucket.name
    # [END storage_make_bucket]


def load(name):
    # Imports the Google Cloud client libraries
    from google.cloud import storage
    from google.cloud import bigquery

    client = storage.Client()  # want "per call of `load`"
    return client.bucket(name), bigquery.LoadJobConfig()

