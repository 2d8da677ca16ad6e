from fastapi import FastAPI

from admin import admin_app
from extra import make_reports_app
from shared.gcp_clients import get_storage_client

app = FastAPI(title="hub")  # want `FastAPI app without shutdown handling .*: nothing closes get_storage_client\(\)$`
app.mount("/admin", admin_app)
app.mount("/reports", make_reports_app())


@app.get("/files")
def files():
    return list(get_storage_client().list_buckets())
