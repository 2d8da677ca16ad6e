from flask import Flask
from flask_cors import CORS

api = Flask(__name__)
api.config.from_object("web.config.ProductionConfig")
# flask-cors reads the allowed origins from the configuration ProductionConfig sets.
CORS(api)
