"""Module docstring."""
from __future__ import annotations

from os import environ

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],  # want `contains "\*"`
    allow_credentials=True,
)
# A comment inside the list may be about the wildcard: no fix.
app.add_middleware(CORSMiddleware, allow_origins=[
    "https://a.example",  # the partner site
    "*"])  # want `contains "\*"`
app.add_middleware(CORSMiddleware, allow_origins=[
    "https://a.example",
    "*",  # want `contains "\*"`
    "https://b.example",
])
print(environ.get("X"))
