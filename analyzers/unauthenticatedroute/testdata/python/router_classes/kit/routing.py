"""Routers and apps of classes xylint does not know by name: a subclass of
APIRouter, a class a factory makes, a subclass of Flask."""
from fastapi import APIRouter as _APIRouter
from fastapi.routing import APIRoute
from fastapi import Depends
from fastapi.security import HTTPBearer
from flask import Flask


class ServiceRouter(_APIRouter):
    """A base class for the service's routers."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)


def get_api_router_class(route_class):
    class _CustomAPIRouter(_APIRouter):
        def __init__(self, *args, **kwargs):
            kwargs["route_class"] = route_class
            super().__init__(*args, **kwargs)

    return _CustomAPIRouter


class LoggedRoute(APIRoute):
    pass


APIRouter = get_api_router_class(LoggedRoute)


class ServiceFlask(Flask):
    pass


class Api:
    """Not a router: a client whose methods are called get and post."""

    def get(self, path):
        return lambda f: f


def get_current_admin(token=Depends(HTTPBearer())):
    return token


class AdminRouter(_APIRouter):
    """Every router of this class is behind get_current_admin."""

    def __init__(self, prefix: str = "", **kwargs):
        super().__init__(prefix=prefix, dependencies=[Depends(get_current_admin)], **kwargs)
