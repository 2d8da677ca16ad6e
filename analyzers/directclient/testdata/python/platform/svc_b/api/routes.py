from flask import Blueprint

from ..clients import publisher
from . import util

bp = Blueprint("b", __name__)


@bp.route("/publish", methods=["POST"])
def publish():
    util.audit()
    return publisher().publish("t", b"x")
