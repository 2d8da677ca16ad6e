"""A module-level import that keeps another name, above a sample region:
the getter's import goes after it, above the region."""
from google.cloud import storage, vision

# [START vision_labels]
from google.cloud.vision_v1 import types


def labels(uri):
    return vision.ImageAnnotatorClient, types.Image(source=types.ImageSource(image_uri=uri))
# [END vision_labels]


def upload(bucket_name, data):
    client = storage.Client()  # want "per call of `upload`"
    client.bucket(bucket_name).blob("x").upload_from_string(data)
