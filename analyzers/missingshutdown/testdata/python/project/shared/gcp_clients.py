from google.cloud import storage

_storage = None


def get_storage_client():
    global _storage
    if _storage is None:
        _storage = storage.Client()
    return _storage


def close_gcp_clients():
    pass
