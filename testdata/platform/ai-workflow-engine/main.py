"""ai-workflow-engine: runs multi-step AI workflows and publishes their events."""

import json
import logging
import os
from typing import Annotated

import redis
from fastapi import Depends, FastAPI
from google.cloud import pubsub_v1
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from shared.auth import verify_api_key
from shared.gcp_clients import close_gcp_clients
from shared.http_client import close_http_client

logger = logging.getLogger(__name__)

cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


class WorkflowEvents:
    """Built per request by FastAPI (it is a Depends target)."""

    def __init__(self) -> None:
        self.publisher = pubsub_v1.PublisherClient()
        self.topic = "projects/xynergy-dev/topics/workflow-events"

    def emit(self, kind: str, payload: dict) -> None:
        self.publisher.publish(self.topic, json.dumps({"kind": kind, **payload}).encode())


Events = Annotated[WorkflowEvents, Depends(WorkflowEvents)]


async def metrics(request):
    return PlainTextResponse(f"workflows_cached {cache.dbsize()}\n")


# Prometheus scrapes this plain Starlette app, mounted below.
metrics_app = Starlette(routes=[Route("/", metrics)])

app = FastAPI(title="ai-workflow-engine", on_shutdown=[close_http_client, close_gcp_clients])
app.mount("/metrics", metrics_app)


@app.post("/workflows/{workflow_id}/run", dependencies=[Depends(verify_api_key)])
async def run_workflow(workflow_id: str, events: Events):
    cached = cache.get(f"workflow:{workflow_id}")
    if cached is not None:
        return json.loads(cached)
    events.emit("started", {"workflow": workflow_id})
    result = {"workflow": workflow_id, "steps": 3}
    cache.set(f"workflow:{workflow_id}", json.dumps(result), ex=300)
    return result
