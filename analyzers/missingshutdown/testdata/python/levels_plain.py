"""An app with nothing to close is a note: the shutdown handler is what the
next client or task will need."""
from fastapi import FastAPI

plain = FastAPI()  # want note "^FastAPI app without shutdown handling .*: nothing to close yet \\(no client, pool or background task in its modules\\), so a note$"
