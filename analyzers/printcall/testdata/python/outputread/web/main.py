from flask import Flask

app = Flask(__name__)


@app.route("/hello")
def hello():
    # A test reads this print, but a route reaches it: a service's log line.
    print("hello requested")  # want warning "in service code \\(reached from route handler `hello`"
    return "hello"
