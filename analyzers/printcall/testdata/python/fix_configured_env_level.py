"""A level the code computes (a setting, an environment variable) may be
INFO: taken to show."""
import logging
import os

from flask import Flask

logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
app = Flask(__name__)


@app.route("/")
def index():
    print("index called")  # want "in service code"
    return "ok"
