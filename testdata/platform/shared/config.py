"""Settings shared by the services."""

import os

# Left over from before phase 1: a few services still import this instead of
# ALLOWED_ORIGINS.
CORS_ORIGINS = ["*"]

ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("ALLOWED_ORIGINS", "https://app.xynergy.com").split(",")
    if origin.strip()
]

PROJECT_ID = os.environ.get("GOOGLE_CLOUD_PROJECT", "xynergy-dev")
