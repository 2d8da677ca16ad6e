"""A constructor's import that names another module too stays for it; the
getter's import goes at its sorted place in the run of imports, before a
later import that sorts after it (isort, flake8-import-order I100)."""
# [START imagemagick_setup]
import os
import tempfile

from google.cloud import storage, vision
from wand.image import Image

storage_client = storage.Client()  # want "at module level"
vision_client = vision.ImageAnnotatorClient()  # want "no pooled getter"
# [END imagemagick_setup]


def blur(bucket_name, name):
    blob = storage_client.bucket(bucket_name).get_blob(name)
    path = os.path.join(tempfile.gettempdir(), name)
    blob.download_to_filename(path)
    with Image(filename=path) as image:
        image.blur()
    return vision_client
