from flask import Flask
from flask.views import MethodView
from flask_login import login_required

import views
from views import ReportsView, export_view, private_view

app = Flask(__name__)


def list_items():
    return []


@login_required
def delete_item(item_id):
    return "", 204


def health():
    return "ok"


class ItemsView(MethodView):
    def get(self):
        return []

    def post(self):
        return {}, 201


class AccountView(MethodView):
    decorators = [login_required]

    def get(self):
        return {}


app.add_url_rule("/items", "items", list_items)  # want "GET /items has no auth decorator"
app.add_url_rule("/items/<int:item_id>", view_func=delete_item, methods=["DELETE"])
app.add_url_rule("/health", view_func=health)
app.add_url_rule("/v2/items", view_func=ItemsView.as_view("items_v2"))  # want "GET,POST /v2/items has no auth decorator"
app.add_url_rule("/account", view_func=AccountView.as_view("account"))
app.add_url_rule("/export", view_func=export_view, methods=["POST"])  # want "POST /export has no auth decorator"
app.add_url_rule("/private", view_func=private_view)
app.add_url_rule("/reports", view_func=ReportsView.as_view("reports"))  # want "GET,DELETE /reports has no auth decorator"
app.add_url_rule("/admin", view_func=views.AdminView.as_view("admin"))
app.add_url_rule("/legacy", endpoint="legacy")
