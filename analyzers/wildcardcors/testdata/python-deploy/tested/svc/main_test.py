import main


def test_cors():
    client = main.app.test_client()
    r = client.get("/auth/info", headers={"Origin": "https://other.example"})
    assert r.headers["Access-Control-Allow-Origin"] == "*"
