"""Routes the fix protects: on the route, or on a router that is open."""
from fastapi import APIRouter, Depends, FastAPI, WebSocket

from shared.auth import User


def get_db():
    yield "session"


app = FastAPI()
items = APIRouter(prefix="/items")
mixed = APIRouter()


@app.post("/orders")  # want "POST /orders reaches no auth dependency"
async def create_order():
    return {}


@app.get("/reports", dependencies=[Depends(get_db)])  # want "GET /reports reaches no auth dependency"
async def reports():
    return []


@app.get("/empty", dependencies=[])  # want "GET /empty reaches no auth dependency"
async def empty():
    return []


@app.websocket("/ws")  # want "WEBSOCKET /ws reaches no auth dependency"
async def ws(websocket: WebSocket):
    await websocket.accept()


@items.get("/")  # want "GET /items/ reaches no auth dependency"
async def list_items():
    return []


@items.delete("/{item_id}")  # want "DELETE /items/{item_id} reaches no auth dependency"
async def delete_item(item_id: int):
    return {}


@mixed.get("/health")
async def health():
    return {"ok": True}


@mixed.put("/{key}")  # want "PUT /{key} reaches no auth dependency"
async def put_key(key: str):
    return {}


def listed():
    return []


app.add_api_route("/listed", listed, methods=["POST"])  # want "POST /listed reaches"
app.get("/call-form")(listed)  # want "GET /call-form reaches"
app.include_router(items)
app.include_router(mixed)
