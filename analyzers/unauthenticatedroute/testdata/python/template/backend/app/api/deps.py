from collections.abc import Generator
from typing import Annotated

from fastapi import Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer

reusable_oauth2 = OAuth2PasswordBearer(tokenUrl="/login/access-token")


def get_db() -> Generator[str]:
    yield "session"


SessionDep = Annotated[str, Depends(get_db)]
TokenDep = Annotated[str, Depends(reusable_oauth2)]


def load_user(session: SessionDep, token: TokenDep) -> str:
    # Not a configured name: auth through the OAuth2 scheme it depends on.
    return token


CurrentUser = Annotated[str, Depends(load_user)]


def get_current_active_superuser(current_user: CurrentUser) -> str:
    if current_user != "admin":
        raise HTTPException(status_code=403)
    return current_user
