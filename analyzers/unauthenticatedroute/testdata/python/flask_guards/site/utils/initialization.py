"""Request hooks set up on the app a factory passes in. Only one of them
turns away callers that are not signed in (the admin blueprint's)."""
from flask import abort, redirect, request, url_for

from site.utils.users import authed


def init_request_processors(app):
    @app.before_request
    def needs_setup():
        # A setup page, not auth.
        if not app.config.get("SETUP_DONE") and request.endpoint != "views.setup":
            return redirect(url_for("views.setup"))

    @app.before_request
    def maintenance():
        if app.config.get("IMPORT_IN_PROGRESS"):
            return "Import in progress", 403

    @app.before_request
    def tokens():
        # Optional token auth: a bad token is refused, no token passes.
        token = request.headers.get("Authorization")
        if token:
            try:
                lookup(token)
            except LookupError:
                abort(401)


def init_admin(bp):
    @bp.before_request
    def signed_in():
        if not authed():
            return redirect(url_for("auth.login"))


def lookup(token):
    raise LookupError(token)
