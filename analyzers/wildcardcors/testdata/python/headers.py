from flask import Flask, Response, make_response

app = Flask(__name__)

ANY = "*"


@app.after_request
def add_cors(response):
    response.headers["Access-Control-Allow-Origin"] = "*"  # want `^Access-Control-Allow-Origin: \* lets every web origin call the service$`
    response.headers["Access-Control-Allow-Methods"] = "*"
    response.headers["Content-Security-Policy"] = "img-src *"
    return response


@app.route("/creds")
def creds():
    resp = make_response("ok")
    resp.headers["access-control-allow-origin"] = ANY  # want `with credentials allowed`
    resp.headers["Access-Control-Allow-Credentials"] = "true"
    return resp


@app.route("/dict")
def dict_headers():
    headers = {
        "Access-Control-Allow-Origin": "*",  # want `Access-Control-Allow-Origin: \*`
        "Access-Control-Allow-Methods": "GET",
    }
    return ("", 204, headers)


@app.route("/response")
def response_headers():
    return Response("ok", headers={"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Credentials": "true"})  # want `with credentials allowed`


@app.route("/set")
def set_header():
    resp = make_response("ok")
    resp.headers.set("Access-Control-Allow-Origin", "*")  # want `Access-Control-Allow-Origin: \*`
    resp.headers.set("Access-Control-Allow-Origin", "https://app.example")
    return resp


def wsgi(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain"), ("Access-Control-Allow-Origin", "*")])  # want `Access-Control-Allow-Origin: \*`
    return [b"ok"]


@app.route("/echo")
def echo(request):
    resp = make_response("ok")
    resp.headers["Access-Control-Allow-Origin"] = request.headers.get("Origin", "")
    resp.headers["Content-Security-Policy"] = "default-src *"
    return resp


def read(resp, handler):
    origin = resp.headers.get("Access-Control-Allow-Origin", "*")
    handler.send_header("Access-Control-Allow-Origin", "*")  # want `Access-Control-Allow-Origin: \*`
    return origin
