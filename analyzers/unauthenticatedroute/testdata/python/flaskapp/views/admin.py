from flask import Blueprint, g

from views.checks import verify_session

admin_bp = Blueprint("admin", __name__, url_prefix="/admin")


@admin_bp.before_request
def require_admin():
    # Calls a configured auth name: the hook rejects through it.
    g.user = verify_token()


def verify_token():
    return verify_session()


@admin_bp.post("/purge")
def purge():
    return ""
