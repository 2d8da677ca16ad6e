from fastapi import FastAPI

from shared.http_client import get_http_client

app = FastAPI()  # want `FastAPI app without shutdown handling`


@app.get("/")
async def index():
    return await get_http_client().get("https://example.com")
