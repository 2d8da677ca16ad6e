# Handlers on an app built in main.py; nothing here but the decorator
# says they run per call of the web server.
from clients import bq
from main import app


@app.get("/items")
def items():
    return list(bq().list_datasets())
