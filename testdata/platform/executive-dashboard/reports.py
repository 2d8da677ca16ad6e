"""Report views, registered by main.py with add_url_rule."""

from flask import jsonify
from flask.views import MethodView

from shared.auth import require_api_key
from shared.gcp_clients import get_bigquery_client


class ReportsView(MethodView):
    decorators = [require_api_key]

    def get(self):
        rows = get_bigquery_client().query("SELECT * FROM analytics.reports").result()
        return jsonify([dict(r) for r in rows])


def legacy_export():
    return jsonify(rows=[])
