from google.cloud import storage


def load(name):
    return storage.Client().bucket("b").blob(name).download_as_text()  # want "per request: `load` is called by route handler `item` \\(GET /items/\\{item_id\\}\\); use `shared.gcp_clients.get_storage_client\\(\\)`"
