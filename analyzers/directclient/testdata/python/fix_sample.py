"""Documentation samples: the getter's import goes where the client's was."""
import os


def list_buckets():
    # [START storage_list_buckets]
    from google.cloud import storage

    # Instantiates a client
    storage_client = storage.Client()  # want "per call of `list_buckets`"
    for bucket in storage_client.list_buckets():
        os.write(1, bucket.name.encode())
    # [END storage_list_buckets]


# [START storage_upload]
from google.cloud import storage  # noqa: E402


def upload(bucket_name, data):
    # Create a Cloud Storage client.
    client = storage.Client()  # want "per call of `upload`"
    client.bucket(bucket_name).blob("x").upload_from_string(data)
# [END storage_upload]


def destroy(name):
    # [START secretmanager_destroy]
    # Import the Secret Manager client library.
    from google.cloud import secretmanager
    from google.cloud.secretmanager_v1.types import service

    # Create the Secret Manager client.
    client = secretmanager.SecretManagerServiceClient()  # want "per call of `destroy`"
    request = secretmanager.DestroySecretVersionRequest(name=name)
    return client.destroy_secret_version(request=request, retry=service)
    # [END secretmanager_destroy]


def archive(bucket_name):
    # [START storage_archive]
    # The getter's import sorts after a submodule's import that follows the
    # client's (isort, flake8-import-order): it goes after it, not in place.
    from google.cloud import storage
    from google.cloud.storage.constants import ARCHIVE_STORAGE_CLASS

    client = storage.Client()  # want "per call of `archive`"
    bucket = client.get_bucket(bucket_name)
    bucket.storage_class = ARCHIVE_STORAGE_CLASS
    bucket.patch()
    # [END storage_archive]
