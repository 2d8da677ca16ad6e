from fastapi import FastAPI

from events import setup_shutdown

second = FastAPI(title="second")
setup_shutdown(second)

third = FastAPI(title="third")  # want `FastAPI app without`
setup_shutdown(second)
