"""content-hub: uploads, media metadata and the admin sub-application."""

import logging
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, File, UploadFile
from fastapi.middleware.cors import CORSMiddleware

from admin import admin_app
from shared.auth import verify_api_key
from shared.config import ALLOWED_ORIGINS
from shared.gcp_clients import close_gcp_clients, get_firestore_client
from shared.http_client import close_http_client
from storage import get_bucket

logger = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app: FastAPI):
    logger.info("content-hub starting")
    yield
    await close_http_client()
    close_gcp_clients()


app = FastAPI(title="content-hub", lifespan=lifespan)

app.add_middleware(
    CORSMiddleware,
    allow_origins=ALLOWED_ORIGINS,
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

app.mount("/admin", admin_app)


@app.get("/")
async def root():
    return {"service": "content-hub"}


@app.post("/content/upload")
async def upload(file: UploadFile = File(...)):
    blob = get_bucket().blob(file.filename)
    blob.upload_from_file(file.file)
    return {"stored": file.filename}


@app.get("/content/{content_id}", dependencies=[Depends(verify_api_key)])
async def get_content(content_id: str):
    doc = get_firestore_client().collection("content").document(content_id).get()
    return doc.to_dict() or {}
