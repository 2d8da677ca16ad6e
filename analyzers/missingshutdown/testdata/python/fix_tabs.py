from fastapi import FastAPI
from shared.gcp_clients import get_firestore_client


def build():
	application = FastAPI()  # want `FastAPI app without shutdown handling`
	if True:
		application.state.db = get_firestore_client()
	return application
