from fastapi import APIRouter

api = APIRouter()


@api.delete("/items/{item_id}")  # want "DELETE /items/{item_id} reaches no auth dependency"
def delete_item(item_id: int):
    return {}
