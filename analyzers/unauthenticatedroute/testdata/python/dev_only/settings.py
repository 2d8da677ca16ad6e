class Settings:
    ENVIRONMENT = "local"
    ENV = "production"
    ENABLE_ADMIN = False


settings = Settings()
