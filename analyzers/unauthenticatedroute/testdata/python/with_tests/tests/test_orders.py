# A test's app is a fixture: its open routes are not findings (exclude).
from fastapi import FastAPI
from fastapi.testclient import TestClient

fixture_app = FastAPI()


@fixture_app.post("/echo")
def echo(body: dict):
    return body


def test_echo():
    assert TestClient(fixture_app).post("/echo", json={}).json() == {}
