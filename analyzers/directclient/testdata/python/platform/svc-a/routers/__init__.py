from .items import router

__all__ = ["router"]
