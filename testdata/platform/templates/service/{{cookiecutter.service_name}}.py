"""{{ cookiecutter.service_name }}: generated from the platform's service template."""

import logging

from fastapi import FastAPI
{% if cookiecutter.use_cors == "yes" %}
from fastapi.middleware.cors import CORSMiddleware
{% endif %}

logger = logging.getLogger(__name__)

app = FastAPI(title="{{ cookiecutter.service_name }}")
{% if cookiecutter.use_cors == "yes" %}
app.add_middleware(CORSMiddleware, allow_origins=["*"])
{% endif %}


@app.post("/{{ cookiecutter.resource }}")
async def create(item: dict):
    try:
        print("creating", item)
    except Exception:
        pass
    return item
