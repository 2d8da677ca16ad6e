# Flask: auth decorators, the default method, methods=, blueprints.
from flask import Blueprint, Flask
from flask_login import login_required

from shared.auth import require_api_key

app = Flask(__name__)
bp = Blueprint("reports", __name__, url_prefix="/reports")


@app.route("/health")
def health():
    return "ok"


@app.route("/kpis")
@require_api_key
def kpis():
    return "[]"


@app.route("/notes", methods=["GET", "POST"])  # want "GET,POST /notes has no auth decorator and no rejecting before_request hook; add auth to the route or to app `flask_views.app` \\(line 7\\)"
def notes():
    return "[]"


@app.get("/export")  # want "GET /export has no auth decorator"
def export():
    return ""


@bp.route("/daily")
@login_required
def daily():
    return ""


@bp.delete("/<rid>")  # want "DELETE /api/reports/<rid> has no auth decorator and no rejecting before_request hook; add auth to the route or to blueprint `flask_views.bp` \\(line 8\\)"
def delete_report(rid):
    return ""


app.register_blueprint(bp, url_prefix="/api/reports")


@app.post("/self-checked")
def self_checked():
    # The view checks the token itself.
    from flask import request

    if request.headers.get("Authorization") != "Bearer secret":
        return "unauthorized", 401
    return ""


@app.get("/verified")
def verified():
    from google.oauth2 import id_token

    claims = id_token.verify_oauth2_token("t", None)
    return claims
