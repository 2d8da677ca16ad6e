"""Run by hand under __main__ (a service's dev run): the configured origins."""
import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want "allow_origins contains"

if __name__ == "__main__":
    uvicorn.run(app)
