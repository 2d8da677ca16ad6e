from flask import Flask
from flask_cors import CORS

from web.config import config

app = Flask(__name__)
app.config.from_object(config)
CORS(app, supports_credentials=True)  # want `flask-cors CORS\(\) without origins lets every web origin call the service with credentials`
