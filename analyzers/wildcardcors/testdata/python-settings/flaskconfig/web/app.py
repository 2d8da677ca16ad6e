from flask import Flask
from flask_cors import CORS

from web.config import Config

app = Flask(__name__)
app.config.from_object(Config)
CORS(app)  # want `flask-cors CORS\(\) without origins`
