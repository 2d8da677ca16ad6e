"""A route in a snippets directory is still a service's."""
from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    print("hit")  # want warning "in service code"
    return "ok"
