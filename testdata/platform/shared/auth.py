"""Centralised authentication for the platform's services (phase 1).

Every route that is not a public health or docs route must depend on
``verify_api_key`` (service-to-service calls) or ``get_current_user``
(dashboard users).
"""

import hmac
import logging
import os
from dataclasses import dataclass
from functools import wraps

from fastapi import Depends, HTTPException, Security, status
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

logger = logging.getLogger(__name__)

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False)
bearer_scheme = HTTPBearer(auto_error=False)


def _valid_keys() -> set[str]:
    raw = os.environ.get("XYNERGY_API_KEYS", "")
    return {key.strip() for key in raw.split(",") if key.strip()}


async def verify_api_key(api_key: str | None = Security(api_key_header)) -> str:
    """Reject the request unless it carries one of the platform's API keys."""
    if api_key is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing API key")
    for valid in _valid_keys():
        if hmac.compare_digest(api_key, valid):
            return api_key
    raise HTTPException(status.HTTP_403_FORBIDDEN, "invalid API key")


@dataclass
class User:
    id: str
    email: str
    roles: tuple[str, ...] = ()


def decode_token(token: str) -> User:
    # The real implementation verifies a Firebase ID token.
    user_id, _, email = token.partition(":")
    if not user_id or not email:
        raise ValueError("malformed token")
    return User(id=user_id, email=email)


async def get_current_user(
    credentials: HTTPAuthorizationCredentials | None = Depends(bearer_scheme),
) -> User:
    if credentials is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing bearer token")
    try:
        return decode_token(credentials.credentials)
    except ValueError as exc:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid token") from exc


def require_api_key(view):
    """Flask decorator: the same API-key check for the Flask services."""
    from flask import abort, request

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("X-API-Key", "")
        if not any(hmac.compare_digest(key, valid) for valid in _valid_keys()):
            abort(401)
        return view(*args, **kwargs)

    return wrapper
