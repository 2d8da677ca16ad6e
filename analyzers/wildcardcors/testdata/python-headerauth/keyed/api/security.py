from fastapi import HTTPException, Security
from fastapi.security import APIKeyHeader

key_header = APIKeyHeader(name="X-Service-Key")


def require_key(key: str = Security(key_header)):
    if key != "expected":
        raise HTTPException(status_code=401)
