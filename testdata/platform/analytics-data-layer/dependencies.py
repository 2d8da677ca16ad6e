from typing import Annotated

from fastapi import Depends

from shared.auth import User, get_current_user

# Routes that take `user: CurrentUser` are authenticated.
CurrentUser = Annotated[User, Depends(get_current_user)]
