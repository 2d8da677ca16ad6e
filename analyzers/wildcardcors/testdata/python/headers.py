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


@app.route("/guarded", methods=["POST"])
def guarded():
    # A rejection readable by the page that sent it: no data, no policy.
    if not token_ok():
        return JSONResponse({"detail": "bad token"}, status_code=status.HTTP_403_FORBIDDEN, headers={"Access-Control-Allow-Origin": "*"})
    if too_many():
        return Response("slow down", 429, headers={"Access-Control-Allow-Origin": "*"})
    if missing():
        return "missing", HTTPStatus.NOT_FOUND, {"Access-Control-Allow-Origin": "*"}
    # A success with the wildcard is the policy.
    return JSONResponse({"ok": True}, status_code=200, headers={"Access-Control-Allow-Origin": "*"})  # want `Access-Control-Allow-Origin: \*`


@app.route("/partial")
def partial():
    # 206 is no error: the content is served to every origin.
    return "", 206, {"Access-Control-Allow-Origin": "*"}  # want `Access-Control-Allow-Origin: \*`
