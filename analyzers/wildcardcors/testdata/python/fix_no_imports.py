"""A service without imports of its own."""

CORS_ALLOWED_ORIGINS = ["*"]  # want `CORS_ALLOWED_ORIGINS contains "\*"`
