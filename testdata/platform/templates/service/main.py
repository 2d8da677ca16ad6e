"""Service entry point rendered by cookiecutter; a Jinja template, not Python."""

from fastapi import FastAPI

app = FastAPI(title="{{ cookiecutter.service_name }}")
{% for route in cookiecutter.routes %}

@app.get("{{ route }}")
async def {{ route | replace("/", "_") }}():
    print("{{ route }} called")
    return {}
{% endfor %}
