"""system-runtime: service status and the live WebSocket feed."""

import asyncio
import logging
import sys
from pprint import pprint

from fastapi import Depends, FastAPI, WebSocket, WebSocketDisconnect

from shared.auth import verify_api_key
from shared.gcp_clients import close_gcp_clients
from shared.http_client import close_http_client, get_http_client
from status import render_status_report

logger = logging.getLogger(__name__)

app = FastAPI(title="system-runtime")

connections: set[WebSocket] = set()

SERVICES = ("marketing-engine", "analytics-data-layer", "content-hub", "internal-ai-service")


@app.get("/liveness")
async def liveness():
    return {"alive": True}


@app.get("/services", dependencies=[Depends(verify_api_key)])
async def services():
    client = get_http_client()
    status = {}
    for name in SERVICES:
        try:
            response = await client.get(f"https://{name}.internal.xynergy.com/health")
            status[name] = response.status_code == 200
        except Exception as exc:
            logger.warning("health check of %s failed", name, exc_info=exc)
            status[name] = False
    pprint(status)
    return status


@app.websocket("/ws")
async def feed(websocket: WebSocket):
    await websocket.accept()
    connections.add(websocket)
    try:
        while True:
            await websocket.send_json({"connections": len(connections)})
            await asyncio.sleep(5)
    except WebSocketDisconnect:
        print("client disconnected", file=sys.stderr)
    finally:
        connections.discard(websocket)


@app.post("/report", dependencies=[Depends(verify_api_key)])
async def report():
    path = "/tmp/system-report.txt"
    with open(path, "w") as f:
        print(render_status_report(connections), file=f)
    return {"written": path}


@app.on_event("shutdown")
async def shutdown() -> None:
    for websocket in list(connections):
        await websocket.close()
    await close_http_client()
    close_gcp_clients()
