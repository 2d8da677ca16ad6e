from typing import Annotated

from fastapi import Depends

from shared.auth import current_service

Service = Annotated[str, Depends(current_service)]
