# With middleware = ["shared.cors.PlatformCORSMiddleware"].
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from shared.cors import PlatformCORSMiddleware, PlatformGZip

app = FastAPI()
app.add_middleware(PlatformCORSMiddleware, allow_origins=["*"])  # want `PlatformCORSMiddleware|CORSMiddleware allow_origins contains "\*"`
app.add_middleware(PlatformGZip, allow_origins=["*"])
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want `contains "\*"`
