from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from guards import check_partner_key, load_item

app = FastAPI()


def check_key(x_api_key: str = Header()):
    # A hand-written key check: it answers 401 itself.
    if x_api_key != "k":
        raise HTTPException(status_code=401)


@app.post("/items", dependencies=[Depends(check_key)])
def create_item():
    return {}


@app.post("/partners/sync", dependencies=[Depends(check_partner_key)])
def sync_partners():
    return {}


@app.delete("/items/{item_id}")  # want "DELETE /items/{item_id} reaches no auth dependency"
def delete_item(item=Depends(load_item)):
    return item


class HTTPBearer403(HTTPBearer):
    """A scheme that answers 403 instead of 401: still the scheme."""


BearerDep = Annotated[HTTPAuthorizationCredentials, Depends(HTTPBearer403())]
bearer = HTTPBearer403()


@app.get("/me")
def read_me(credentials: BearerDep):
    return {}


@app.get("/me/tokens")
def read_tokens(credentials=Depends(bearer)):
    return {}


@app.get("/me/settings", dependencies=[Depends(HTTPBearer403)])  # want "GET /me/settings reaches no auth dependency"
def read_settings():
    # Depends(Class) builds an instance per request and never calls it.
    return {}


class WebhookVerifier:
    """An instance used as a dependency: FastAPI calls it, and it answers
    401 when the signature does not match."""

    def __init__(self, secret: str):
        self.secret = secret

    def __call__(self, x_signature: str = Header()):
        if x_signature != self.secret:
            raise HTTPException(status_code=401)


@app.post("/webhooks/provider", dependencies=[Depends(WebhookVerifier("s"))])
def provider_webhook():
    return {}
