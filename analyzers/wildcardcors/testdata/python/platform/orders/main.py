from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from shared import config
from shared.config import CORS_ORIGINS, PARTNER_ORIGINS
from cors_settings import REEXPORTED

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=CORS_ORIGINS,  # want `contains "\*" through CORS_ORIGINS from \S*shared/config.py with credentials allowed`
    allow_credentials=True,
)
app.add_middleware(CORSMiddleware, allow_origins=PARTNER_ORIGINS)
app.add_middleware(CORSMiddleware, allow_origin_regex=config.ORIGIN_REGEX)  # want `allow_origin_regex "\.\*" matches every origin through config.ORIGIN_REGEX from \S*shared/config.py`
app.add_middleware(CORSMiddleware, allow_origins=[*PARTNER_ORIGINS, *config.ENV_ORIGINS])  # want `the default when ALLOWED_ORIGINS is unset\) through config.ENV_ORIGINS`
app.add_middleware(CORSMiddleware, allow_origins=REEXPORTED)  # want `through REEXPORTED from \S*shared/config.py`
