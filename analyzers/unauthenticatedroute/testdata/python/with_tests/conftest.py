from fastapi import FastAPI

helper_app = FastAPI()


@helper_app.delete("/reset")
def reset():
    return {}
