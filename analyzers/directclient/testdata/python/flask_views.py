"""Flask: views, hooks, add_url_rule; a mock.patch decorator is no route."""
from unittest import mock

import requests
from flask import Flask
from google.cloud import firestore

app = Flask(__name__)


@app.route("/notes", methods=["POST"])
def add_note():
    db = firestore.Client()  # want "^direct `firestore.Client\\(\\)` per request in route handler `add_note` \\(POST /notes\\); use `shared.gcp_clients.get_firestore_client\\(\\)`$"
    return db.collection("notes").add({})


@app.before_request
def audit():
    requests.Session()  # want "per request in `before_request` hook `audit`"


def legacy():
    return firestore.Client()  # want "per request in route handler `legacy`"


app.add_url_rule("/legacy", "legacy", legacy)


@mock.patch("os.getcwd")
def not_a_route(_):
    return firestore.Client()  # want "per call of `not_a_route`"


def django_view(request):
    return firestore.Client()  # want "per request in request handler `django_view`"
