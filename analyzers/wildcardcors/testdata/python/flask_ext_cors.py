"""flask-cors under the import path its documentation used until 2016:
Flask's extension importer (flask.ext.cors, gone in Flask 1.0)."""
import flask.ext.cors as ext_cors
from flask import Flask
from flask.ext.cors import CORS, cross_origin

app = Flask(__name__)

CORS(app)  # want warning `^flask-cors CORS\(\) without origins lets every web origin call the service$`
ext_cors.CORS(app, supports_credentials=True)  # want error `without origins .* with credentials allowed`


@app.route("/open")
@cross_origin()  # want warning `^flask-cors @cross_origin\(\) without origins`
def open_view():
    return "ok"
