from flask import Flask
from flask_cors import cross_origin

app = Flask(__name__)


@app.get("/auth/info")
@cross_origin(send_wildcard=True)  # want warning "without origins lets every web origin call the service; no fix: .*svc/main_test.py asserts the wildcard Access-Control-Allow-Origin header on this app$"
def auth_info():
    return {"user": None}
