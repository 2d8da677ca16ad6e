"""Platform-wide settings (the wildcard is reported where it is used)."""
import os

CORS_ORIGINS = ["*"]
PARTNER_ORIGINS = ["https://partner.example"]
ORIGIN_REGEX = r".*"
ENV_ORIGINS = os.getenv("ALLOWED_ORIGINS", "*").split(",")
