"""A router that serves a sign-in page next to its other routes: auth on the
router would lock the sign-in page too, so each open route gets its own
fix, and the note none."""
from fastapi import APIRouter

from shared.auth import User

accounts = APIRouter(prefix="/accounts")


@accounts.post("/login")  # want "POST /accounts/login reaches no auth dependency; a note because it is public by convention"
def login():
    return {}


@accounts.delete("/{account_id}")  # want "DELETE /accounts/{account_id} reaches no auth dependency; add auth"
def close(account_id: str):
    return {}
