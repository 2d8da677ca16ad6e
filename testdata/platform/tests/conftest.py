import pytest


@pytest.fixture
def api_key(monkeypatch):
    monkeypatch.setenv("XYNERGY_API_KEYS", "test-key")
    print("using test API key")
    return "test-key"
