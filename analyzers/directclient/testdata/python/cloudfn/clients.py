from google.cloud import storage


def gcs():
    return storage.Client()  # want "per request: `gcs` is called by Cloud Functions entry point `on_upload`"
