"""A Flask route of a sample whose program sets no logging up: the root
logger stays at WARNING with no handler, so logger.info would drop what the
route printed; a print that reports an error becomes logger.error, which
logging's last resort still writes."""
import logging

from flask import Flask, request

app = Flask(__name__)
# basicConfig without a level leaves the root logger at WARNING, and so
# does a WARNING level: neither shows INFO records.
logging.basicConfig()
logging.basicConfig(level=logging.WARNING)
# A level without a handler: the last resort still writes WARNING and up.
logging.getLogger().setLevel(logging.INFO)


@app.route("/submit", methods=["POST"])
def submit():
    print(f"Received {request.form['name']}")  # want "in service code"
    if not request.form.get("email"):
        print("Error: missing email address")  # want "in service code"
        return "missing email", 400
    print("Successfully sent mail")  # want "in service code"
    return "ok"
