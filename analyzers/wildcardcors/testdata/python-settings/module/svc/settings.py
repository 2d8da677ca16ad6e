import os

DEBUG = os.environ.get("DEBUG") == "1"
CORS_ALLOWED_ORIGINS = ["https://shop.example", "https://admin.shop.example"]
