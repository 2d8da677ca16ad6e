"""The root logger gets a handler and the INFO level: INFO records show, the
route's print becomes logger.info."""
import logging
import sys

from flask import Flask

handler = logging.StreamHandler(sys.stdout)
logging.getLogger().addHandler(handler)
logging.getLogger().setLevel(logging.INFO)

app = Flask(__name__)


@app.route("/")
def index():
    print("index called")  # want "in service code"
    return "ok"
