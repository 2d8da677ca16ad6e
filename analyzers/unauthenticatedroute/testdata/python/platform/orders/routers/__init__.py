from fastapi import APIRouter

from . import items, refunds, webhooks

api_router = APIRouter()
api_router.include_router(items.router)
api_router.include_router(refunds.router, prefix="/refunds")

__all__ = ["api_router", "webhooks"]
