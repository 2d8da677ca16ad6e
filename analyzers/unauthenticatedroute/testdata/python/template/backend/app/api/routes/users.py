from fastapi import APIRouter, Depends

from app.api import deps

router = APIRouter(prefix="/users")


@router.get("/", dependencies=[Depends(deps.get_current_active_superuser)])
def read_users(session: deps.SessionDep):
    return []


@router.get("/me")
def read_me(current_user: deps.CurrentUser):
    return {}


@router.post("/signup")  # want "POST /api/v1/users/signup reaches no auth dependency"
def register_user(session: deps.SessionDep):
    return {}
