async def verify_api_key():
    return "key"
