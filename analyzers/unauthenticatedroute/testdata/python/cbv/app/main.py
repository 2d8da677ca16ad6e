from fastapi import FastAPI

from app.routes import cookbooks

app = FastAPI()
app.include_router(cookbooks.router)
app.include_router(cookbooks.public)
app.include_router(cookbooks.admin)
