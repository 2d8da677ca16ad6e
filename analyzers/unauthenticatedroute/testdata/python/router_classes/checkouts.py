from fastapi import Depends, Security
from fastapi.security import APIKeyHeader, HTTPBearer

from kit.routing import APIRouter, Api

router = APIRouter(prefix="/checkouts")
bearer = HTTPBearer()
api = Api()


@router.post("/")  # want error "POST /checkouts/ reaches no auth dependency"
def create_checkout():
    return {}


@router.patch("/{checkout_id}", dependencies=[Depends(bearer)])
def update_checkout(checkout_id: str):
    return {}


@api.get("/not-a-route")
def not_a_route():
    return {}


# A scheme instance whose name looks like an app's is still the scheme.
api_key_header = APIKeyHeader(name="X-Api-Key")


def require_key(key: str = Security(api_key_header)):
    return key


@router.delete("/{checkout_id}", dependencies=[Depends(require_key)])
def delete_checkout(checkout_id: str):
    return {}
