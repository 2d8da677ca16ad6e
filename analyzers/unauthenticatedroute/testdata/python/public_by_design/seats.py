"""Routes public by design: a secret token in the body is the credential,
and a debug route is served only when its flag is on."""
import os

from fastapi import APIRouter, FastAPI, HTTPException
from pydantic import BaseModel

app = FastAPI()
router = APIRouter()
DEBUG = os.environ.get("DEBUG") == "1"


class SeatClaim(BaseModel):
    invitation_token: str


class DeviceToken(BaseModel):
    device_token: str


def claim_seat(token):
    return token


def save_device(token):
    return token


# The invitation token is the credential: whoever knows it may claim.
@router.post("/claim")  # want note "POST /claim reaches no auth dependency; a note because it is public by convention \\(a capability: the secret token in its body is the credential \\(`seat_claim.invitation_token` given to `claim_seat`\\)\\); confirm it with `public-paths`"
async def claim(seat_claim: SeatClaim):
    return claim_seat(seat_claim.invitation_token)


# A token the route stores is data, not a credential: an open write.
@router.post("/devices")  # want error "POST /devices reaches no auth dependency; add auth .*an error because POST changes state"
async def register_device(body: DeviceToken):
    return save_device(body.device_token)


# Answers only when a debug flag of the configuration is set.
@router.get("/debug")  # want note "GET /debug reaches no auth dependency; a note because it is mounted only in development \\(the handler answers only when `os.environ.get\\(\"DEBUG\"\\) == \"1\"`, a debug or safe-mode flag of the configuration\\)"
def debug():
    if os.environ.get("DEBUG") == "1":
        return {"env": dict(os.environ)}
    raise HTTPException(status_code=404)


@router.post("/debug/reset")  # want note "a note because it is mounted only in development \\(the handler answers only when `app.state.debug`"
def debug_reset():
    if not app.state.debug:
        raise HTTPException(status_code=404)
    return {"reset": True}


# A flag that only changes what it answers: the route is served anyway.
@router.get("/info")  # want warning "GET /info reaches no auth dependency; add auth .*a warning because a read-only route can still leak data"
def info():
    if os.environ.get("DEBUG") == "1":
        return {"env": dict(os.environ)}
    return {"env": {}}


app.include_router(router)
