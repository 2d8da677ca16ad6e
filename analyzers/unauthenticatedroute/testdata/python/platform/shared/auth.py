from fastapi import Security
from fastapi.security import APIKeyHeader

header = APIKeyHeader(name="X-API-Key")


async def verify_api_key(key: str = Security(header)) -> str:
    return key


async def current_service(key: str = Security(header)) -> str:
    # Not a configured name: counts because it comes from a module named auth.
    return key
