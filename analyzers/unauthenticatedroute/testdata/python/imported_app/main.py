from fastapi import FastAPI

app = FastAPI()

import views  # noqa: E402,F401  (registers the routes)
