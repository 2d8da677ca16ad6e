import os

CORS_ALLOW_ALL_ORIGINS = True  # want `^CORS_ALLOW_ALL_ORIGINS = True lets every web origin call the service with credentials allowed`
CORS_ORIGIN_ALLOW_ALL = os.getenv("CORS_ALLOW_ALL", "") == "1"
CORS_ALLOWED_ORIGINS = ["https://app.example", "*"]  # want `CORS_ALLOWED_ORIGINS contains "\*"`
CORS_ALLOWED_ORIGIN_REGEXES = [r"^https://\w+\.example\.com$", r".*"]  # want `CORS_ALLOWED_ORIGIN_REGEXES "\.\*" matches every origin`
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = ["*"]
