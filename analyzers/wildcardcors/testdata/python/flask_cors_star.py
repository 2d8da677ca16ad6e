"""A star import of flask-cors makes its names flask-cors's, also under a
try (the fallback its 1.x examples used)."""
from flask import Flask

try:
    from flask_cors import *
except ImportError:
    from flask.ext.cors import *

app = Flask(__name__)

CORS(app)  # want `flask-cors CORS\(\) without origins`


@app.route("/open")
@cross_origin(origins="*")  # want `flask-cors @cross_origin\(\) origins contains "\*"`
def open_view():
    return "ok"
