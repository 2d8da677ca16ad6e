CORS_ALLOWED_ORIGINS = ("*",)  # want `contains "\*"`
