import httpx


def check_links(text):
    with httpx.Client(timeout=5) as client:  # want "^direct `httpx.Client\\(\\)` per request: `check_links` is called by route handler `validate_route` \\(POST /validate\\) through `validate`; no pooled getter for it yet: add one to `shared.http_client`$"
        return client.post("https://links", json={"text": text}).json()


def validate(body):
    return check_links(body.get("text", ""))
