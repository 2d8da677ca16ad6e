import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    ALLOWED_ORIGINS = ["https://notes.example", "https://admin.notes.example"]


class ProductionConfig(Config):
    CORS_ORIGINS = ["https://notes.example"]
