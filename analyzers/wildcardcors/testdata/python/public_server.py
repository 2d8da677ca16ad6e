"""Served on every interface by its own main(): the configured origins."""
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

api = FastAPI()
api.add_middleware(CORSMiddleware, allow_origins=["*"])  # want "allow_origins contains"


def main():
    uvicorn.run(api, host="0.0.0.0", port=8080)
