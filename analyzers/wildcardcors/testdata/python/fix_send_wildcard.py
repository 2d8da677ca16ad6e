import os

from flask import Flask, jsonify
from flask_cors import cross_origin

app = Flask(__name__)


@app.route("/auth/info", methods=["GET"])
@cross_origin(send_wildcard=True)  # want `flask-cors @cross_origin\(\) without origins`
def auth_info():
    return jsonify({})
