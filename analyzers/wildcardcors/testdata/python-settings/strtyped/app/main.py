import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.config import server_settings

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want `holds no list of allowed origins`
