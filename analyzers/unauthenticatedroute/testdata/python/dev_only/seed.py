from fastapi import APIRouter

router = APIRouter(prefix="/private")
fixtures = APIRouter(prefix="/fixtures")
debug = APIRouter(prefix="/debug")
admin = APIRouter(prefix="/admin")
staging = APIRouter(prefix="/staging")
both = APIRouter(prefix="/both")


@router.post("/users/")  # want note "POST /api/private/users/ reaches no auth dependency; a note because it is mounted only in development \\(the include_router at main.py:15 is made only when `settings.ENVIRONMENT == \"local\"`\\); confirm that the condition is false where it is deployed"
def create_user(email: str):
    return {}


@fixtures.post("/load")  # want note "mounted only in development \\(the include_router at main.py:18 is made only when `os.getenv\\(\"APP_ENV\"\\) in \\(\"dev\", \"test\"\\)`\\)"
def load_fixtures():
    return {}


@debug.get("/state")  # want note "mounted only in development"
def state():
    return {}


@admin.post("/purge")  # want error "POST /admin/purge reaches no auth dependency; add auth"
def purge():
    return {}


@staging.post("/reset-db")  # want error "POST /staging/reset-db reaches no auth dependency; add auth"
def reset_db():
    return {}


@both.post("/x")  # want error "POST /both/x reaches no auth dependency; add auth"
def both_x():
    return {}
