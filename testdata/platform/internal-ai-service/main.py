"""internal-ai-service: text generation behind the platform's API key.

The model is loaded once at start-up and kept in a global; nothing releases it
or the HTTP clients when Cloud Run stops the container.
"""

import logging
import os

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel

from shared.auth import verify_api_key
from shared.rate_limiting import rate_limit_ai

logger = logging.getLogger(__name__)

app = FastAPI(title="internal-ai-service")

MODEL = None
VERTEX_URL = os.environ.get("VERTEX_URL", "https://vertex.internal.xynergy.com/v1/generate")


class Prompt(BaseModel):
    text: str
    max_tokens: int = 256


@app.on_event("startup")
async def load_model() -> None:
    global MODEL
    MODEL = {"name": "xynergy-small", "loaded": True}
    logger.info("model loaded")


@app.get("/ready")
async def ready():
    return {"ready": MODEL is not None}


@app.post("/generate", dependencies=[Depends(verify_api_key), Depends(rate_limit_ai)])
async def generate(prompt: Prompt):
    async with httpx.AsyncClient(timeout=30) as client:
        try:
            response = await client.post(VERTEX_URL, json=prompt.model_dump())
            response.raise_for_status()
        except Exception as exc:
            raise HTTPException(status_code=502, detail="model backend failed") from exc
    return response.json()


@app.post("/embed")
async def embed(prompt: Prompt, api_key: str = Depends(verify_api_key)):
    try:
        vector = [float(ord(c)) for c in prompt.text[:16]]
    except:
        pass
    return {"vector": vector}


@app.post("/feedback")
async def feedback(prompt: Prompt):
    logger.info("feedback received (%d chars)", len(prompt.text))
    return {"thanks": True}
