from google.api_core.exceptions import NotFound
from google.cloud import ndb, storage


def download(bucket, name):
    client = storage.Client()
    try:
        return client.bucket(bucket).blob(name).download_as_text()
    except NotFound:
        return None
    except Exception:  # want "swallows"
        return None


def cache():
    # Not a client call: google.cloud helpers raise their own errors, so the
    # handler is not narrowed to GoogleAPIError.
    try:
        return ndb.RedisCache.from_environment()
    except Exception:  # want "swallows"
        return None


def upload(bucket, name, data):
    client = storage.Client()
    try:
        client.bucket(bucket).blob(name).upload_from_string(data)
    except Exception:  # want "swallows"
        pass
