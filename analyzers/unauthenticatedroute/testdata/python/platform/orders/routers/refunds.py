from fastapi import APIRouter

from .items import router as items_router  # a relative import of a sibling

router = APIRouter()


@router.post("/{order_id}")
async def refund(order_id: str):
    return {}


@items_router.delete("/{item_id}")
async def delete_item(item_id: str):
    # Declared here on items' router: protected like items' other routes.
    return {}
