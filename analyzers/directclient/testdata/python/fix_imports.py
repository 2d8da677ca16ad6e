"""Imports: merged into an existing one, kept when still used, removed when not."""
import logging

from google.cloud import bigquery, storage
from shared.gcp_clients import get_storage_client

logger = logging.getLogger(__name__)


def load(sql):
    client = bigquery.Client()  # want "per call of `load`"
    job = client.query(sql, job_config=bigquery.QueryJobConfig(dry_run=True))
    return job


def upload(name):
    get_storage_client().bucket("b").blob(name).upload_from_string("x")
    storage.Client().bucket("c").blob(name).upload_from_string("y")  # want "per call of `upload`"


def local_import(project):
    from google.cloud import firestore

    db = firestore.Client(project=project)  # want "per call of `local_import`"
    return db.collection("c").get()
