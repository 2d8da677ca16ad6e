"""A shop without accounts: each visitor's basket lives in their session."""
from flask import Flask, request, session

shop = Flask(__name__)
BASKETS = {}


@shop.route("/basket", methods=["POST"])  # want warning "POST /basket has no auth decorator .*a warning, not an error: it acts only on the caller's own session \\(`request.cookies.get\\(\"sid\"\\)`\\); confirm the session ID is random and unguessable"
def add_to_basket():
    BASKETS.setdefault(request.cookies.get("sid"), []).append(request.form["item"])
    return "", 204


@shop.route("/basket")  # want note "GET /basket has no auth decorator .*a note because it reads only the caller's own session \\(`request.cookies.get\\(\"shop_session_id\"\\)`\\)"
def show_basket():
    return {"items": BASKETS.get(request.cookies.get("shop_session_id"), [])}


@shop.route("/setup", methods=["POST"])  # want error "POST /setup has no auth decorator .*an error because POST changes state"
def setup():
    # Flask's session holds a nonce here; the site's settings are shared.
    session["nonce"] = "n"
    BASKETS.clear()
    return "", 204


@shop.route("/basket/clear", methods=["POST"])  # want warning "POST /basket/clear .*own session \\(`request.cookies.get\\(\"basket_session\"\\)`\\)"
def clear_basket():
    BASKETS.pop(request.cookies.get("basket_session"), None)
    return "", 204


@shop.route("/products/<pid>", methods=["DELETE"])  # want error "DELETE /products/<pid> has no auth decorator .*an error because DELETE changes state"
def delete_product(pid):
    # A cookie that is no session: not session-scoped.
    theme = request.cookies.get("theme")
    BASKETS.pop(pid, None)
    return theme or ""



from fastapi import FastAPI, Request

api = FastAPI()


@api.post("/api/basket/undo")  # want error "POST /api/basket/undo reaches no auth dependency.*an error because POST changes state"
async def undo(request: Request):
    request.session.get("items", []).pop()
    return {}
