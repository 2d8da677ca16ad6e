from fastapi import APIRouter

router = APIRouter()


@router.post("/orders")  # want "POST /legacy/orders reaches no auth dependency; add auth to the route or to router `routes.router` \\(line 3\\) \\(the include_router at main.py:11 passes none\\)"
async def create_order():
    return {}
