from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want warning "^CORSMiddleware allow_origins contains \"\\*\"$"
