"""A CLI's login callback: a small app served in-process on localhost to
receive what the browser posts back. Its origin is no deployment's
setting: reported, not fixed."""
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

callback_app = FastAPI()
callback_app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["POST"])  # want "allow_origins contains"


@callback_app.post("/done")
def done(payload: dict) -> None:
    callback_app.extra["result"] = payload


async def wait_for_login():
    server = uvicorn.Server(uvicorn.Config(callback_app, port=0, log_level="critical"))
    await server.serve()
