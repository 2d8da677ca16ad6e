"""Served behind a Cloud Endpoints gateway (openapi.yaml beside it)."""
from flask import Flask, request

app = Flask(__name__)


@app.route("/echo", methods=["POST"])  # want note "POST /echo has no auth decorator and no rejecting before_request hook; a note because the deployment shows the platform guards it \\(openapi.yaml: a Cloud Endpoints gateway checks the credentials its securityDefinitions name\\)"
def echo():
    return request.get_json()
