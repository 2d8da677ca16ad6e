"""A service that is its own import root (its directory is not a package
name): `from validators import ...` means svc-a/validators.py."""
from fastapi import Depends, FastAPI

from routers import router
from shared.gcp_clients import get_bigquery_client
from validators import validate

app = FastAPI()
app.include_router(router)


@app.post("/validate")
def validate_route(body: dict):
    get_bigquery_client().insert_rows_json("t", [body])
    return validate(body)
