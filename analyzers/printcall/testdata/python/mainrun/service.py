from fastapi import FastAPI

from imported_flow import sync_flow

app = FastAPI()


@app.post("/sync")
def sync():
    sync_flow()
    return {}
