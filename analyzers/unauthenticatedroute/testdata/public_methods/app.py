# Checked with public-paths "POST /webhooks/stripe" and "GET,HEAD /status"
# (TestPublicMethods): each is public for its methods only.
from fastapi import FastAPI

app = FastAPI()


@app.post("/webhooks/stripe")
def stripe_webhook():
    return {}


@app.delete("/webhooks/stripe")  # want "DELETE /webhooks/stripe reaches no auth dependency"
def forget_webhook():
    return {}


@app.get("/status")
def status():
    return {}


@app.api_route("/status", methods=["GET", "POST"])  # want "GET,POST /status reaches no auth dependency"
def status_both():
    return {}


# The default entry "GET,HEAD /" makes the landing page public, not a
# POST to it: that does work.
@app.get("/")
def root():
    return {}


@app.post("/")  # want "POST / reaches no auth dependency; .*an error because POST changes state"
def root_post():
    return {}
