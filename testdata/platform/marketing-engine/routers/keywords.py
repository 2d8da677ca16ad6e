import logging

from fastapi import APIRouter

from shared.http_client import get_http_client

logger = logging.getLogger(__name__)

router = APIRouter()

SEO_API = "https://seo-engine.internal.xynergy.com"


@router.get("/suggest")
async def suggest(seed: str):
    client = get_http_client()
    try:
        response = await client.get(f"{SEO_API}/suggest", params={"q": seed})
        response.raise_for_status()
    except Exception:
        return []
    return response.json()


@router.put("/{keyword}")
async def track_keyword(keyword: str):
    logger.info("tracking keyword %s", keyword)
    return {"tracked": keyword}
