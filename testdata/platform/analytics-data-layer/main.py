"""analytics-data-layer: query API over the BigQuery warehouse."""

import logging

from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from google.cloud import bigquery

from dependencies import CurrentUser
from shared.config import CORS_ORIGINS

logger = logging.getLogger(__name__)

app = FastAPI(title="analytics-data-layer")

app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ORIGINS,
    allow_methods=["GET"],
)

bq = bigquery.Client()


@app.get("/healthz")
def healthz():
    return {"ok": True}


@app.get("/journeys/{customer_id}")
def customer_journey(customer_id: str, user: CurrentUser):
    query = "SELECT * FROM analytics.customer_journeys WHERE customer_id = @id"
    try:
        rows = bq.query(query).result()
    except Exception:
        logger.error("journey query failed", exc_info=True)
        raise HTTPException(status_code=500, detail="query failed")
    return {"requested_by": user.email, "rows": [dict(r) for r in rows]}


@app.get("/reports/performance")
def performance_metrics():
    try:
        rows = bq.query("SELECT * FROM analytics.performance_metrics LIMIT 100").result()
        return [dict(r) for r in rows]
    except Exception:
        return None


@app.post("/events")
async def ingest_event(event: dict, user: CurrentUser):
    try:
        errors = bq.insert_rows_json("analytics.events", [event])
    except BaseException:
        logger.warning("event dropped for %s", user.id)
        return {"accepted": False}
    return {"accepted": not errors}
