from fastapi.testclient import TestClient

from main import app


def test_health():
    client = TestClient(app)
    response = client.get("/health")
    print(response.json())
    assert response.status_code == 200
