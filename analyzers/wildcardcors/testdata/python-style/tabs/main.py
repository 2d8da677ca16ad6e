import os

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware


def make():
	app = FastAPI()
	app.add_middleware(
		CORSMiddleware,
		allow_origins=["*"],
	)
	return app
