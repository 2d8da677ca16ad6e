from fastapi import APIRouter

from . import campaigns, keywords, webhooks

api_router = APIRouter()
api_router.include_router(campaigns.router)
api_router.include_router(keywords.router, prefix="/keywords", tags=["keywords"])

__all__ = ["api_router", "webhooks"]
