from flask import Flask

app = Flask(__name__)


@app.post("/x")  # want "POST /x has no auth decorator"
def x():
    return ""
