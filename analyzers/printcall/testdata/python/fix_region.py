"""A Cloud Run sample's view: service code (a request reaches it), whose
region is published as it stands."""
import logging

logger = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def list_buckets(request, client):
    # [START storage_list_buckets]
    for bucket in client.list_buckets():
        print(bucket.name)  # want "`print` call"
    # [END storage_list_buckets]
    print("outside the region")  # want "`print` call"
