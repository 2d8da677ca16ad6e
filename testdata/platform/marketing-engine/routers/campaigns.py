import json
import logging

from fastapi import APIRouter, HTTPException
from pydantic import BaseModel

from shared.gcp_clients import get_bigquery_client, get_publisher_client

logger = logging.getLogger(__name__)

router = APIRouter(prefix="/campaigns", tags=["campaigns"])

TOPIC = "projects/xynergy-dev/topics/marketing-events"


class Campaign(BaseModel):
    name: str
    budget: float
    keywords: list[str] = []


@router.get("")
async def list_campaigns():
    rows = get_bigquery_client().query("SELECT * FROM marketing.campaigns").result()
    return [dict(row) for row in rows]


@router.post("")
async def create_campaign(body: Campaign):
    payload = json.dumps(body.model_dump()).encode()
    try:
        get_publisher_client().publish(TOPIC, payload).result(timeout=10)
    except Exception as exc:
        logger.error(f"publish failed: {exc}")
        raise HTTPException(status_code=502, detail="event bus unavailable")
    return {"created": body.name}


@router.delete("/{campaign_id}")
async def delete_campaign(campaign_id: str):
    try:
        get_bigquery_client().query(
            "DELETE FROM marketing.campaigns WHERE id = @id",
        ).result()
    except Exception:
        logger.exception("could not delete campaign %s", campaign_id)
        raise
    return {"deleted": campaign_id}
