from flask import Blueprint, Flask, redirect, url_for

from site.utils.decorators import admins_only, authed_only, not_during_maintenance, require_role, timed
from site.utils.initialization import init_admin, init_request_processors
from site.utils.users import authed

views = Blueprint("views", __name__)
admin = Blueprint("admin", __name__)
editor = Blueprint("editor", __name__)


@views.route("/profile")
@authed_only
def profile():
    return ""


@views.route("/teams/<int:team_id>", methods=["POST"])
@admins_only
def update_team(team_id):
    return ""


@editor.route("/pages", methods=["POST"])
@require_role("editor")
def create_page():
    return ""


@views.route("/scoreboard")  # want warning "GET /scoreboard has no auth decorator"
@timed
def scoreboard():  # the cache decorator is not auth
    return ""


@views.route("/challenges/<int:challenge_id>/attempt", methods=["POST"])  # want error "POST /challenges/<int:challenge_id>/attempt has no auth decorator and no rejecting before_request hook"
@not_during_maintenance
def attempt(challenge_id):
    return ""


@views.route("/stats")  # want warning "GET /stats has no auth decorator"
@timed
def stats():
    return ""


@views.route("/dashboard")
def dashboard():
    # Checks itself: the anonymous caller is sent to sign in.
    if not authed():
        return redirect(url_for("auth.login"))
    return ""


@admin.route("/admin/reset", methods=["POST"])
def reset():
    # Protected by init_admin's hook.
    return ""


def create_app():
    app = Flask(__name__)
    init_request_processors(app)
    init_admin(admin)
    app.register_blueprint(views)
    app.register_blueprint(admin)
    app.register_blueprint(editor)
    return app
