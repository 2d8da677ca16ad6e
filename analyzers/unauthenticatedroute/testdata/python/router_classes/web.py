from kit.routing import ServiceFlask

app = ServiceFlask(__name__)


@app.route("/admin/reset", methods=["POST"])  # want error "POST /admin/reset has no auth decorator"
def reset():
    return ""
