# FastAPI routes in one file: every way a route is declared, every way auth
# reaches it, and the routes that stay open.
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Security, WebSocket
from fastapi.security import APIKeyHeader, HTTPBearer, OAuth2PasswordRequestForm

api_key_scheme = APIKeyHeader(name="X-API-Key")
bearer = HTTPBearer()


def get_db():
    yield "session"


def verify_api_key(key: str = Security(api_key_scheme)) -> str:
    return key


def check_admin(user: str = Depends(bearer)) -> str:
    # Not a configured name: auth because it depends on a scheme.
    return user


SessionDep = Annotated[str, Depends(get_db)]
AdminUser = Annotated[str, Depends(check_admin)]
require_key = Depends(verify_api_key)

app = FastAPI()
router = APIRouter(prefix="/items")


@app.get("/health")
async def health():
    return {"ok": True}


@app.get("/open")  # want "GET /open reaches no auth dependency; add auth to the route or to app `fastapi_routes.app` \\(line 29\\)"
async def open_read():
    return {}


@app.post("/open")  # want "POST /open reaches no auth dependency"
async def open_write(db: SessionDep):
    # A database session is not auth.
    return {}


@app.delete("/param")
async def by_parameter(key: str = Depends(verify_api_key)):
    return {}


@app.put("/annotated")
async def by_annotated(key: Annotated[str, Security(verify_api_key)]):
    return {}


@app.patch("/alias")
async def by_alias(user: AdminUser, db: SessionDep):
    return {}


@app.post("/decorator", dependencies=[Depends(verify_api_key)])
async def by_decorator():
    return {}


@app.post("/prebuilt", dependencies=[require_key])
async def by_prebuilt_depends():
    return {}


@app.post("/scheme")
async def by_scheme(creds=Depends(HTTPBearer())):
    return {}


@app.post("/login")  # want "POST /login reaches no auth dependency"
async def login(form: OAuth2PasswordRequestForm = Depends()):
    # The login form is not an auth scheme.
    return {}


@app.websocket("/ws")  # want "WEBSOCKET /ws reaches no auth dependency"
async def feed(ws: WebSocket):
    await ws.accept()


# Starlette's form of the websocket decorator, which FastAPI apps have too.
@app.websocket_route("/ws-raw")  # want "WEBSOCKET /ws-raw reaches no auth dependency"
async def raw_feed(ws: WebSocket):
    await ws.accept()


@app.api_route("/multi", methods=["GET", "POST"])  # want "GET,POST /multi reaches"
async def multi():
    return {}


@router.get("/{item_id}")  # want "GET /items/{item_id} reaches no auth dependency; add auth to the route or to router `fastapi_routes.router` \\(line 30\\)"
async def read_item(item_id: str):
    return {}


async def listed():
    return []


async def secured(key: str = Depends(verify_api_key)):
    return []


app.add_api_route("/listed", listed, methods=["POST"])  # want "POST /listed reaches"
app.add_api_route("/secured", secured)
app.add_api_route("/dep-kw", listed, dependencies=[Depends(verify_api_key)])
app.get("/call-form")(listed)  # want "GET /call-form reaches"
app.get("/call-form-secured")(secured)

app.include_router(router)


@app.post("/checked-in-body")
async def checked_in_body(token: str = ""):
    from fastapi import HTTPException, status

    if token != "secret":
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED)
    return {}
