from fastapi import FastAPI
from sqlalchemy import create_engine

# Nothing of the shared pools is used here: importing them could fail.
app = FastAPI()  # want `FastAPI app without shutdown handling`
engine = create_engine("sqlite://")
