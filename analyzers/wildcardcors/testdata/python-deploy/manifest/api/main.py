from flask import Flask
from flask_cors import cross_origin

app = Flask(__name__)


@app.get("/items")
@cross_origin()  # want warning "^flask-cors @cross_origin\\(\\) without origins lets every web origin call the service$"
def items():
    return {"items": []}
