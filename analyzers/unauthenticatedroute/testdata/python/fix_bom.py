from flask import Flask

from shared.auth import User

app = Flask(__name__)


@app.post("/x")  # want "POST /x has no auth decorator"
def x():
    return ""
