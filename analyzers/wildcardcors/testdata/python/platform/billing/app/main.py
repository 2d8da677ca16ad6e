from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.core.config import ORIGINS, settings
from .core import config

app = FastAPI()
# Settings objects are configuration, not constants: not reported.
app.add_middleware(CORSMiddleware, allow_origins=settings.BACKEND_CORS_ORIGINS)
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)
app.add_middleware(CORSMiddleware, allow_origins=config.ORIGINS)
