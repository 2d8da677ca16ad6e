from flask import Flask, request, session
from flask_cors import CORS

app = Flask(__name__)
CORS(app)  # want warning `flask-cors CORS\(\) without origins lets every web origin call the service$`


@app.route("/me")
def me():
    # A cookie session, and a client header that is no credential.
    request.headers.get("X-Request-Id")
    return {"user": session.get("user")}
