# A before_request hook that rejects protects the app's routes and its
# blueprints'; one that only logs does not.
import logging

from flask import Blueprint, Flask, abort, request

app = Flask(__name__)
admin = Blueprint("admin", __name__)
other = Flask("other")


@app.before_request
def check_key():
    if request.headers.get("X-API-Key") != "secret":
        abort(401)


@admin.post("/purge")
def purge():
    return ""


@app.post("/write")
def write():
    return ""


def log_request():
    logging.info("request %s", request.path)


other.before_request(log_request)


@other.post("/write")  # want "POST /write has no auth decorator and no rejecting before_request hook"
def other_write():
    return ""


app.register_blueprint(admin, url_prefix="/admin")
