# A command's local callback server beside the API: the API's key check
# (api/security.py) does not guard it.
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

callback = FastAPI()
callback.add_middleware(CORSMiddleware, allow_origins=["*"])  # want warning `CORSMiddleware allow_origins contains "\*"$`
