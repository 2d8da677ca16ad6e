"""ai-routing-engine: routes prompts to the cheapest model that can answer them."""

import logging

import requests
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

from shared.auth import verify_api_key
from shared.http_client import close_http_client, get_http_client

log = logging.getLogger("ai-routing-engine")

# Every route of this service needs the API key.
app = FastAPI(title="ai-routing-engine", dependencies=[Depends(verify_api_key)])

app.add_middleware(CORSMiddleware, allow_origin_regex=".*", allow_methods=["POST"])

app.add_event_handler("shutdown", close_http_client)

# Used by the legacy cost lookup below.
session = requests.Session()

PRICES_URL = "https://billing.internal.xynergy.com/prices"


class RouteRequest(BaseModel):
    prompt: str
    budget_cents: int = 5


def model_costs() -> dict[str, float]:
    try:
        return session.get(PRICES_URL, timeout=5).json()
    except (ValueError, Exception) as e:
        log.error("price lookup failed: %s", e)
        return {"xynergy-small": 0.1}


@app.post("/route")
async def route(body: RouteRequest):
    costs = model_costs()
    affordable = [m for m, c in sorted(costs.items(), key=lambda kv: kv[1]) if c <= body.budget_cents]
    print("routing decision", affordable[:1])  # noqa: T201
    return {"model": affordable[0] if affordable else None}


@app.post("/route/forward")
async def forward(body: RouteRequest):
    target = (await route(body))["model"]
    try:
        response = await get_http_client().post(
            "https://internal-ai-service.internal.xynergy.com/generate",
            json={"text": body.prompt, "model": target},
        )
    except Exception:
        log.exception("forwarding to %s failed", target)
        return {"error": "upstream failed"}
    return response.json()
