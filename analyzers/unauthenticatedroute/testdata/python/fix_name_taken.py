from fastapi import FastAPI

app = FastAPI()
verify_api_key = "not the dependency"


@app.get("/stats")  # want "GET /stats reaches no auth dependency"
async def stats():
    return {}
