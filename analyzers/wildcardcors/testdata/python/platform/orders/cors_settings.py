from shared.config import CORS_ORIGINS as REEXPORTED
