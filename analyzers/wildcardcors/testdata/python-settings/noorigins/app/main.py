import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.settings import settings

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],  # want `contains "\*"; .settings. \(.*app/settings.py\) holds no list of allowed origins`
    allow_methods=["*"],
)
