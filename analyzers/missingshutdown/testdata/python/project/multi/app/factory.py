from fastapi import FastAPI


def create_app():
    # Served by two entry modules, checked here where it is built, once,
    # with what both leave open.
    return FastAPI()  # want warning "^FastAPI app without shutdown handling .*: nothing closes (httpx.AsyncClient, redis.Redis|redis.Redis, httpx.AsyncClient)$"
