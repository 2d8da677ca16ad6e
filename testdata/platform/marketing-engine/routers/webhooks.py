import hashlib
import hmac
import logging
import os

from fastapi import APIRouter, Header, HTTPException, Request

logger = logging.getLogger(__name__)

router = APIRouter(tags=["webhooks"])


# Stripe cannot send our API key; the handler checks Stripe's signature instead.
@router.post("/stripe")  # noqa: unauthenticated-route
async def stripe_webhook(request: Request, stripe_signature: str = Header(default="")):
    body = await request.body()
    secret = os.environ.get("STRIPE_WEBHOOK_SECRET", "").encode()
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, stripe_signature):
        raise HTTPException(status_code=400, detail="bad signature")
    logger.info("stripe event received")
    return {"received": True}
