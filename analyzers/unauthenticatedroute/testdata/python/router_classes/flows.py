from fastapi import Depends

from kit.routing import ServiceRouter

router: ServiceRouter = ServiceRouter(prefix="/flows", tags=["Flows"])


def require_user():
    pass


@router.post("/")  # want error "POST /flows/ reaches no auth dependency; add auth to the route or to router `flows.router`"
def create_flow():
    return {}


@router.get("/{flow_id}")  # want warning "GET /flows/{flow_id} reaches no auth dependency"
def read_flow(flow_id: str):
    return {}


@router.delete("/{flow_id}", dependencies=[Depends(require_user)])  # want error "DELETE /flows/{flow_id} reaches no auth dependency"
def delete_flow(flow_id: str):
    return {}
