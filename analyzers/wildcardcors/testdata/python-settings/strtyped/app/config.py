from pydantic_settings import BaseSettings


class ServerSettings(BaseSettings):
    cors_allowed_origins: str = "*"


server_settings = ServerSettings()
