"""Its tests patch the constructor through the module's own name for the
library (`app.reports.bigquery.Client`)."""
from fastapi import FastAPI
from google.cloud import bigquery

app = FastAPI()


@app.get("/reports")
def reports():
    client = bigquery.Client()  # want "^direct `bigquery.Client\\(\\)` per request in route handler `reports` \\(GET /reports\\); use `shared.gcp_clients.get_bigquery_client\\(\\)` \\(no fix: the tests patch `app.reports.bigquery.Client`; a pooled client built once would not be their mock\\)$"
    return list(client.query("select 1").result())
