import os as _os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
# `os` would need rewriting to `_os` in the expression: no fix.
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want `contains "\*"`
print(_os.sep)
