import os

DEBUG = os.environ.get("DEBUG") == "1"
CORS_ORIGIN_ALLOW_ALL = True  # want `CORS_ORIGIN_ALLOW_ALL = True lets every web origin`
CORS_ALLOW_METHODS = ["GET", "POST"]
