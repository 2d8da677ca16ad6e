from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

widgets = FastAPI()
# Credentials allowed: the key is not what is at stake, cookies are.
widgets.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)  # want error `with credentials allowed`
