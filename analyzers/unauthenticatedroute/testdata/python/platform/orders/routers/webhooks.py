from fastapi import APIRouter

router = APIRouter(tags=["webhooks"])


@router.post("/stripe")  # want "POST /webhooks/stripe reaches no auth dependency; add auth to the route or to router `webhooks.router` \\(line 3\\)"
async def stripe():
    return {}
