"""A module-level client import above a sample region: the getter's import
stays above the region, where the client's was, not among the region's
imports that sort before it."""
import os

from google.cloud import storage

# [START functions_deploy]
from google.cloud.functions_v2 import FunctionServiceClient


def deploy(name):
    functions = FunctionServiceClient()
    return functions.get_function(name=name)
# [END functions_deploy]


def upload(bucket_name, data):
    client = storage.Client()  # want "per call of `upload`"
    client.bucket(bucket_name).blob(os.path.basename(data)).upload_from_string(data)
