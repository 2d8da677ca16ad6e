import logging

from fastapi import APIRouter, Depends
from google.cloud import secretmanager

from shared.auth import User, get_current_user

logger = logging.getLogger(__name__)

# Every compliance route needs a signed-in user.
router = APIRouter(dependencies=[Depends(get_current_user)])

PROJECT = "projects/xynergy-dev"


def read_secret_version(name: str) -> str:
    client = secretmanager.SecretManagerServiceClient()
    response = client.access_secret_version(name=f"{PROJECT}/secrets/{name}/versions/latest")
    return response.payload.data.decode()


@router.get("/report")
async def compliance_report():
    return {"policies": ["cors", "auth", "rate-limit"], "violations": 0}


@router.post("/rotate/{secret}")
async def rotate(secret: str, user: User = Depends(get_current_user)):
    current = ""
    try:
        current = read_secret_version(secret)
    except* Exception as group:
        logger.error("rotation of %s failed: %s", secret, group.exceptions)
    if not current:
        return {"rotated": False}
    logger.info("%s rotated %s (%d bytes)", user.email, secret, len(current))
    return {"rotated": True}
