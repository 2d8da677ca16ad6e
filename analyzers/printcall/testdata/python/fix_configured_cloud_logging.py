"""google.cloud.logging's setup_logging attaches its handler to the root
logger at INFO."""
import logging

import google.cloud.logging
from flask import Flask

client = google.cloud.logging.Client()
client.setup_logging()
app = Flask(__name__)


@app.route("/")
def index():
    print("index called")  # want "in service code"
    return "ok"
