from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from app.core.config import settings

app = FastAPI(title=settings.PROJECT_NAME)
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],  # want `CORSMiddleware allow_origins contains "\*" with credentials allowed`
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)
