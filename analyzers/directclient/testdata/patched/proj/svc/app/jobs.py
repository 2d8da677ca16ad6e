"""No test patches its client: the fix stays."""
from fastapi import FastAPI
from google.cloud import bigquery

app = FastAPI()


@app.get("/jobs")
def jobs():
    client = bigquery.Client()  # want "use `shared.gcp_clients.get_bigquery_client\\(\\)`$"
    return list(client.list_jobs())
