import httpx

from app.factory import create_app

app = create_app()
client = httpx.AsyncClient()
