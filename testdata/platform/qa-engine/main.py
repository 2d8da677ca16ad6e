"""qa-engine: content validation for the marketing pipeline (Flask).

Every request must carry the API key: the before_request hook rejects the rest.
"""

import hmac
import logging
import os
import sys

from flask import Flask, abort, jsonify, request

from shared.gcp_clients import close_gcp_clients, get_bigquery_client
from validators import validate_content

logger = logging.getLogger(__name__)

app = Flask(__name__)

PUBLIC_PATHS = {"/health"}


@app.before_request
def check_api_key():
    if request.path in PUBLIC_PATHS:
        return None
    key = request.headers.get("X-API-Key", "")
    if not hmac.compare_digest(key, os.environ.get("QA_API_KEY", "")):
        abort(401)
    return None


@app.after_request
def add_cors_headers(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@app.route("/health")
def health():
    return jsonify(status="ok")


@app.route("/validate", methods=["POST"])
def validate():
    content = request.get_json(force=True)
    result = validate_content(content)
    try:
        get_bigquery_client().insert_rows_json("qa.content_validations", [result])
    except Exception as err:
        logger.error("could not store validation result", exc_info=err)
    return jsonify(result)


@app.teardown_appcontext
def teardown(exc):
    if exc is not None:
        logger.warning("request failed: %s", exc)


if __name__ == "__main__":
    import atexit

    atexit.register(close_gcp_clients)
    print("qa-engine listening", file=sys.stderr)
    app.run(port=8081)
