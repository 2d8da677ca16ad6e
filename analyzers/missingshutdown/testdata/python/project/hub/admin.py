from fastapi import FastAPI

# Mounted by main.py: a sub-app, not a root.
admin_app = FastAPI()
