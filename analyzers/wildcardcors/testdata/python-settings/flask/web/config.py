class Config:
    SECRET_KEY = "dev"
    ALLOWED_ORIGINS = ["https://notes.example"]


config = Config()
