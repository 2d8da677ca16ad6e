"""Comments above a constructor: one that says a client is made goes with
it; one that gives the reason for a module-level client stays true of the
getter and is kept."""
from google.cloud import pubsub_v1, storage

# Create a global Pub/Sub client to avoid unneeded network activity
publisher = pubsub_v1.PublisherClient()  # want "at module level: once per process"

# Creates the storage client once, shared by every request
storage_client = storage.Client()  # want "at module level: once per process"


def upload(bucket_name, data):
    # Create a Cloud Storage client.
    client = storage.Client()  # want "per call of `upload`"
    client.bucket(bucket_name).blob("x").upload_from_string(data)
    publisher.publish("t", data)
    storage_client.bucket(bucket_name)


def write_read(bucket_name, data):
    # Instantiate a storage client and write, then read the object back.
    client = storage.Client()  # want "per call of `write_read`"
    blob = client.bucket(bucket_name).blob("y")
    blob.upload_from_string(data)
    # Make a client-side handle of the blob.
    other = storage.Client()  # want "per call of `write_read`"
    return other.bucket(bucket_name).blob("y").download_as_bytes() + blob.name.encode()
