from flask import Flask

from extensions import cache
from flask_cors import cross_origin
from shared.auth import User

app = Flask(__name__)


@app.route("/a")  # want "GET /a has no auth decorator"
@app.route("/b")  # want "GET /b has no auth decorator"
def both():
    return ""


@app.route("/cached")  # want "GET /cached has no auth decorator"
@cache.cached(timeout=60)
def cached():
    return ""


@app.route("/c")  # want "GET /c has no auth decorator"
@cache.cached(timeout=60)
@app.route("/d")  # want "GET /d has no auth decorator"
def split():
    return ""


@app.route("/cors")  # want "GET /cors has no auth decorator"
@cross_origin()
@cache.cached(timeout=60)
def cors_view():
    return ""
