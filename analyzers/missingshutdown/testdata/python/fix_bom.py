from fastapi import FastAPI
from shared.gcp_clients import close_gcp_clients, get_firestore_client

main_app = FastAPI()  # want `FastAPI app without shutdown handling`
