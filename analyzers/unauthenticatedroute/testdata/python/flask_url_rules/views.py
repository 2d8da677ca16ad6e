from flask import abort, request
from flask.views import MethodView
from flask_login import login_required


def export_view():
    return {}


@login_required
def private_view():
    return {}


class ReportsView(MethodView):
    def get(self):
        return []

    def delete(self):
        return "", 204


class AdminView(MethodView):
    def get(self):
        if request.headers.get("X-Admin-Token") != "secret":
            abort(403)
        return {}
