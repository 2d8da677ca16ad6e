"""Class-based views in the fastapi-utils style: FastAPI resolves the class
attributes' dependencies for every route of the class, so a base class's
`user = Depends(get_current_user)` protects the routes of its subclasses."""
from typing import Annotated

from fastapi import APIRouter, Depends

from app.deps import get_current_user, get_db, get_public_group


def controller(router: APIRouter):
    def decorator(cls):
        return cls

    return decorator


class _BaseController:
    session = Depends(get_db)


class BaseUserController(_BaseController):
    user = Depends(get_current_user)


class BaseAdminController(BaseUserController):
    pass


class BaseAnnotatedController:
    user: Annotated[object, Depends(get_current_user)]


class BasePublicController(_BaseController):
    group = Depends(get_public_group)
