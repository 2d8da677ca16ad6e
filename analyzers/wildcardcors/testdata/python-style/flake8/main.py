"""Auth info endpoint."""

import json
import os

from flask import Flask, jsonify
from flask_cors import cross_origin

app = Flask(__name__)


@app.route("/auth/info", methods=["GET"])
@cross_origin(supports_credentials=True)
def auth_info():
    return jsonify(json.loads("{}"))
