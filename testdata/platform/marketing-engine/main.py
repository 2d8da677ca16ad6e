"""marketing-engine: campaigns, keywords and the Stripe webhook."""

import logging

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from google.cloud import bigquery

from routers import api_router, webhooks
from shared.auth import verify_api_key
from shared.gcp_clients import close_gcp_clients
from shared.http_client import close_http_client

logger = logging.getLogger("marketing-engine")

app = FastAPI(title="marketing-engine")

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

# Everything under /api/v1 needs the API key: campaigns and keywords are two
# include_router hops away (routers/__init__.py).
app.include_router(api_router, prefix="/api/v1", dependencies=[Depends(verify_api_key)])
# Stripe signs its webhook calls instead of sending our key.
app.include_router(webhooks.router, prefix="/webhooks")


@app.get("/health")
async def health():
    return {"status": "ok", "service": "marketing-engine"}


@app.get("/stats/daily")
async def daily_stats():
    client = bigquery.Client()
    rows = client.query("SELECT day, spend FROM marketing.daily_spend LIMIT 30").result()
    print(f"daily stats: {rows.total_rows} rows")
    return [dict(row) for row in rows]


@app.on_event("shutdown")
async def shutdown() -> None:
    await close_http_client()
    close_gcp_clients()
    logger.info("marketing-engine stopped")
