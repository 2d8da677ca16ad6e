from flask import Flask
from flask_cors import CORS

from shared.config import CORS_ORIGINS

app = Flask(__name__)
CORS(app, origins=CORS_ORIGINS, supports_credentials=True)  # want `flask-cors CORS\(\) origins contains "\*" through CORS_ORIGINS from \S*shared/config.py with credentials`
