import os

import httpx
from fastapi import FastAPI
from shared.auth import verify_api_key
from shared.rate_limiting import limiter

app = FastAPI()


@app.get("/x", dependencies=[verify_api_key, limiter])
async def x():
    async with httpx.AsyncClient() as client:  # want "per request"
        return (await client.get(os.environ["URL"])).json()
