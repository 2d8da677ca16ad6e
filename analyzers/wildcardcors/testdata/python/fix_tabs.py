from flask import Flask
from flask_cors import CORS


def create_app():
	app = Flask(__name__)
	if app.debug:
		CORS(app, supports_credentials=True)  # want `without origins`
	return app
