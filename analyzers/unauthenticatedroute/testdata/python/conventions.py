"""Routes public by convention are notes that ask to confirm them with
public-paths; the rest keep their levels, and each message says why."""
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Response
from fastapi.security import OAuth2PasswordRequestForm
from flask import Blueprint, send_file, send_from_directory

app = FastAPI()
auth = APIRouter(prefix="/api/v1/auth")
pages = Blueprint("pages", __name__)


def create_access_token(data: dict) -> str:
    return ""


# Sign-in, by its path or by what its handler does.
@auth.post("/login")  # want "POST /api/v1/auth/login reaches no auth dependency; a note because it is public by convention \\(sign-in\\); confirm it with `public-paths`"
def login():
    return {}


@app.post("/session-token")  # want "POST /session-token .*public by convention \\(sign-in\\)"
def form_login(form: Annotated[OAuth2PasswordRequestForm, Depends()]):
    return {}


@app.post("/renew")  # want "POST /renew .*public by convention \\(issues a token\\)"
def renew(user_id: str):
    return {"access_token": create_access_token({"sub": user_id})}


@auth.post("/signup")  # want "public by convention \\(sign-up\\)"
def signup():
    return {}


@app.post("/api/v1/password-recovery/{email}")  # want "public by convention \\(password recovery\\)"
def recover(email: str):
    return {}


@pages.route("/reset/<token>", methods=["GET", "POST"])  # want "GET,POST /reset/<token> has no auth decorator and no rejecting before_request hook; a note because it is public by convention \\(password recovery\\)"
def reset(token):
    return ""


@pages.route("/logout")  # want "public by convention \\(sign-out\\)"
def logout():
    return ""


@pages.route("/login/google/callback")  # want "public by convention \\(sign-in\\)"
def google_callback():
    return ""


@app.get("/auth/github/callback")  # want "public by convention \\(OAuth callback\\)"
def github_callback():
    return {}


@app.get("/integrations/oauth/callback")  # want "public by convention \\(OAuth callback\\)"
def integration_callback():
    return {}


@pages.route("/oauth/google")  # want note "GET /oauth/google .*public by convention \\(OAuth sign-in start\\)"
def google_sign_in():
    return ""


@app.get("/auth/me")  # want warning "GET /auth/me reaches no auth dependency"
def who_am_i():
    return {}


# Probes, static files, docs and well-known files: for reads only.
@app.get("/api/health")  # want "GET /api/health .*public by convention \\(a probe\\)"
def health():
    return {}


@app.get("/api/version")  # want "public by convention \\(a probe\\)"
def version():
    return {}


@app.post("/api/health")  # want "POST /api/health reaches no auth dependency; add auth .*; an error because POST changes state"
def health_write():
    return {}


@app.get("/status/{job_id}")  # want "GET /status/{job_id} reaches no auth dependency; add auth .*; a warning because a read-only route can still leak data"
def job_status(job_id: str):
    return {}


@app.get("/static/{path}")  # want "public by convention \\(static files\\)"
def static(path: str):
    return {}


@pages.route("/robots.txt")  # want "public by convention \\(a well-known file\\)"
def robots():
    return ""


# A capability URL: the secret in the path is the credential.
@app.get("/checkouts/{client_secret}")  # want note "public by convention \\(a capability URL: the secret in its path is the credential\\)"
def checkout(client_secret: str):
    return {}


@app.post("/invitations/<invitation_token>/accept")  # want note "capability URL"
def accept(invitation_token: str):
    return {}


# Passwordless sign-in: a POST that asks for a code or a link by email
# under a session (or sign-in) home; the same word under another home is
# an ordinary endpoint.
portal_session = APIRouter(prefix="/v1/portal/member-session")


@portal_session.post("/request", status_code=202)  # want note "POST /v1/portal/member-session/request reaches no auth dependency; a note because it is public by convention \\(sign-in\\)"
def request_code(email: str):
    return None


@app.post("/auth/magic-link")  # want note "public by convention \\(sign-in\\)"
def send_magic_link(email: str):
    return None


@app.post("/v1/email-change/request")  # want error "POST /v1/email-change/request reaches no auth dependency; add auth"
def request_email_change(email: str):
    return None


# Not conventions: the words are not where a convention puts them.
@app.get("/users/me/token")  # want "GET /users/me/token reaches no auth dependency; add auth"
def my_token():
    return {}


@app.post("/api/reset")  # want "POST /api/reset reaches no auth dependency; add auth .*an error"
def reset_everything():
    return {}


# The code declares a route public: its docstring, its router's name.
public_router = APIRouter(prefix="/api/v1/public")


@public_router.post("/contact")  # want note "POST /api/v1/public/contact reaches no auth dependency; a note because it is public by convention \\(declared public by its router \\(public_router\\)\\)"
def contact():
    return {}


@app.post("/license-keys/validate")  # want note "declared public in its docstring"
def validate_key():
    """Validate a license key.

    This endpoint doesn't require authentication: the key is the credential.
    """
    return {}


@app.post("/license-keys/rotate")  # want error "POST /license-keys/rotate reaches no auth dependency; add auth"
def rotate_key():
    """Rotate a license key (requires the owner's session)."""
    return {}


# The landing page is public for reads (the default public-paths), not
# for writes.
@app.get("/")
def index():
    return {}


@app.post("/")  # want "POST / reaches no auth dependency; add auth .*an error because POST changes state"
def generate():
    return {}


# App Engine calls its reserved /_ah/ paths itself, whatever the method.
@pages.route("/_ah/bounce", methods=["POST"])  # want note "POST /_ah/bounce has no auth decorator .*public by convention \\(called by App Engine \\(/_ah/\\)\\)"
def bounce():
    return ""


# Probes by their last segment, when the path has no parameters.
@app.get("/api/v1/utils/health-check/")  # want note "public by convention \\(a probe\\)"
def health_check():
    return True


@app.get("/projects/{project_id}/health")  # want warning "GET /projects/{project_id}/health reaches no auth dependency; add auth"
def project_health(project_id: str):
    return {}


# An about page (/api/app/about: "app" is a lead segment, as "api" is).
@app.get("/api/app/about/startup-info")  # want note "public by convention \\(an about page\\)"
def startup_info():
    return {}


# A handler that lets shared caches serve its response to anyone declares
# it public.
@app.get("/api/app/theme")  # want note "GET /api/app/theme reaches no auth dependency; a note because it is public by convention \\(declared public by its response header \\(Cache-Control: public\\)\\)"
def theme(resp: Response):
    resp.headers["Cache-Control"] = "public, max-age=604800"
    return {}


@app.get("/api/app/logo")  # want note "Cache-Control: public"
def logo():
    return Response(b"", headers={"cache-control": "public"})


@app.get("/api/app/profile")  # want warning "GET /api/app/profile reaches no auth dependency; add auth"
def profile(resp: Response):
    resp.headers["Cache-Control"] = "private, no-store"
    return {}


# A handler that only sends a file from disk is a file server.
@pages.route("/outputs/<path:filename>")  # want note "GET /outputs/<path:filename> has no auth decorator .*public by convention \\(static files\\)"
def serve_output(filename):
    """Serve generated output files."""
    return send_from_directory("outputs", filename)


@pages.route("/report/<name>")  # want warning "GET /report/<name> has no auth decorator"
def report(name):
    path = "reports/" + name
    return send_file(path)


app.include_router(auth)


@pages.route("/<path>")  # want note "GET /<path> has no auth decorator .*public by convention \\(static files\\)"
def static_passthrough(path):
    upstream = lookup_upstream("assets")
    res = fetch(upstream + "/" + path)
    return res.content, 200, {"Content-Type": res.headers["Content-Type"]}


@pages.route("/bundle/<name>")  # want note "GET /bundle/<name> has no auth decorator .*static files"
def bundle(name):
    """Proxies the front end's static assets from the CDN bucket."""
    return fetch(CDN + name).content


@pages.route("/statistics/<name>")  # want warning "GET /statistics/<name> has no auth decorator"
def statistics(name):
    return compute(name)


@pages.route("/static-upload", methods=["POST"])  # want error "POST /static-upload has no auth decorator"
def upload_static():
    """Stores a static file."""
    return store()


@pages.route("/hello/<name>")  # want warning "GET /hello/<name> has no auth decorator"
def hello(name):
    """Answers, or forwards the request to the static file server."""
    return forward(name)


# A first-run setup wizard: open until the app is set up, then it sends
# the visitor away.
def is_set_up():
    return False


def redirect(url):
    return url


@pages.route("/setup", methods=["GET", "POST"])  # want note "GET,POST /setup .*public by convention \\(first-run setup: it serves only until the app is set up, then redirects\\)"
def setup():
    if is_set_up():
        return redirect("/")
    return "form"


# Named setup, but nothing sends the visitor away: not that convention.
@pages.route("/2fa/setup", methods=["POST"])  # want error "POST /2fa/setup .*an error because POST changes state"
def setup_wizard():
    return "enrolled"
