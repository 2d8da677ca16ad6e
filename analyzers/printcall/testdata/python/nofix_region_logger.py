# [START cloudrun_broken_service]
import os

from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    print("hello", os.environ.get("NAME"))  # want "`print` call"
    return "ok"
# [END cloudrun_broken_service]
