from typing import Any

from fastapi import APIRouter

from app.api.deps import CurrentUser, SessionDep

router = APIRouter(prefix="/items", tags=["items"])


@router.get("/")
def read_items(session: SessionDep, current_user: CurrentUser) -> Any:
    return []


@router.post("/")
def create_item(*, session: SessionDep, current_user: CurrentUser) -> Any:
    return {}


@router.delete("/{id}")  # want "DELETE /api/v1/items/{id} reaches no auth dependency; add auth to the route or to router `items.router` \\(line 7\\)"
def delete_item(session: SessionDep, id: str) -> Any:
    return {}
