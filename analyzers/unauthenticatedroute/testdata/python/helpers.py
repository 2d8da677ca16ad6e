"""A handler that calls a helper checking credentials is authenticated,
however deep the helper (a few calls) and whatever it answers when the
credential it compares does not match; a helper that only looks things up
is not auth."""
import hmac
import os

from fastapi import FastAPI, Header, HTTPException, Request
from flask import Flask, abort, request

app = FastAPI()
site = Flask(__name__)

API_KEY = os.environ["API_KEY"]


class Unauthorized(Exception):
    pass


def check_key(key: str):
    if not hmac.compare_digest(key, API_KEY):
        raise HTTPException(status_code=401)


def require_caller(request: Request):
    check_key(request.headers.get("X-Key", ""))


def require_admin_token():
    # Any status, after comparing the request's token with the secret.
    if request.headers.get("X-Admin-Token") != os.environ["ADMIN_TOKEN"]:
        abort(400)


def load_item(item_id: str):
    item = None
    if item is None:
        raise HTTPException(status_code=404)
    return item


@app.post("/jobs")
async def create_job(request: Request):
    require_caller(request)
    return {}


@app.post("/events")
async def receive_event(x_signature: str = Header()):
    if x_signature is None:
        raise Unauthorized()
    return {}


@app.post("/hooks/provider")
async def provider_hook(request: Request):
    verify_signature(await request.body(), request.headers)
    return {}


def verify_signature(body, headers):
    return True


@app.delete("/items/{item_id}")  # want error "DELETE /items/{item_id} reaches no auth dependency"
async def delete_item(item_id: str):
    load_item(item_id)
    return {}


@site.post("/admin/flush")
def flush():
    require_admin_token()
    return ""


@site.post("/search")  # want error "POST /search has no auth decorator"
def search():
    if request.args.get("q") != "":
        abort(400)  # compares no credential: a validation, not auth
    return ""
