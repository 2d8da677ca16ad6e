"""executive-dashboard: Flask app that renders KPI summaries for executives."""

import logging
import os

from flask import Flask, jsonify, request
from flask_cors import CORS
from google.cloud import firestore

from reports import ReportsView, legacy_export
from shared.auth import require_api_key
from shared.gcp_clients import get_bigquery_client

logger = logging.getLogger(__name__)

app = Flask(__name__)
CORS(app, supports_credentials=True)
app.add_url_rule("/reports", view_func=ReportsView.as_view("reports"))
app.add_url_rule("/legacy-export", view_func=legacy_export)


@app.route("/health")
def health():
    return jsonify(status="ok")


@app.route("/kpis")
@require_api_key
def kpis():
    rows = get_bigquery_client().query("SELECT * FROM analytics.kpi_summary").result()
    return jsonify([dict(r) for r in rows])


@app.route("/annotations", methods=["POST"])
def annotate():
    db = firestore.Client()
    note = request.get_json(force=True)
    db.collection("annotations").add(note)
    print("annotation saved:", note.get("title"))
    return jsonify(saved=True), 201


@app.get("/export")
def export():
    fmt = request.args.get("format", "csv")
    try:
        rows = get_bigquery_client().query("SELECT * FROM analytics.kpi_summary").result()
    except Exception:
        print("export failed")
        rows = []
    return jsonify(format=fmt, rows=[dict(r) for r in rows])


if __name__ == "__main__":
    print("starting dashboard on :8080")
    app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))
