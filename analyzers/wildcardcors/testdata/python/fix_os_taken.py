from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def handler(os):
    return os


app = FastAPI()
# The name `os` is used for something else in this file: no fix.
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want `contains "\*"`
