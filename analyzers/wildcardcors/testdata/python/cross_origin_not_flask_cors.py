"""Names called CORS or cross_origin that are not flask-cors's: not
reported."""
from flask import Flask

from . import api

app = Flask(__name__)


def CORS(application):
    """The project's own CORS set-up, whatever it does."""
    return application


CORS(app)


@app.route("/a")
@api.cross_origin()
def a():
    return "ok"


def register(blueprint, cross_origin):
    @blueprint.route("/b")
    @cross_origin()
    def b():
        return "ok"

    return b


class Gateway:
    def cross_origin(self, origins=None):
        return lambda f: f


gateway = Gateway()


@app.route("/c")
@gateway.cross_origin()
def c():
    return "ok"


@app.route("/d")
@undefined_helpers.cross_origin()
def d():
    return "ok"
