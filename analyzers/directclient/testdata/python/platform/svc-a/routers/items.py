from typing import Annotated

from fastapi import APIRouter, Depends

from deps import Store
from .helpers import load

router = APIRouter()

StoreDep = Annotated[Store, Depends(Store)]


@router.get("/items/{item_id}")
async def item(item_id: str, store: StoreDep):
    return load(item_id)
