import asyncio

import pytest
from fastapi import HTTPException

from shared.auth import decode_token, verify_api_key


def test_decode_token():
    user = decode_token("u1:ada@example.com")
    print(user)
    assert user.email == "ada@example.com"


def test_rejects_unknown_key(api_key):
    with pytest.raises(HTTPException):
        asyncio.run(verify_api_key("wrong"))
    print("rejected as expected")
