class Settings:
    BACKEND_CORS_ORIGINS = ["*"]


settings = Settings()
ORIGINS = ["https://billing.example"]
