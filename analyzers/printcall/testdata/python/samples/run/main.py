"""A Cloud Run sample: the route and what it calls are service code, in
a region or not; what no route reaches is the sample's."""

from flask import Flask

app = Flask(__name__)


# [START cloudrun_hello]
@app.route("/")
def hello():
    print("handling /")  # want warning "^`print` call in service code \\(reached from route handler `hello` \\(GET /\\)\\); use the module logger$"
    return greeting()
# [END cloudrun_hello]


def greeting():
    print("building the greeting")  # want warning "^`print` call in service code \\(reached from route handler `hello` \\(GET /\\)\\); use the module logger$"
    return "Hello"


# [START cloudrun_local_helper]
def describe_deployment(service):
    # Shown on the documentation page; no route calls it.
    print(f"Service {service} deployed")
# [END cloudrun_local_helper]
