/*
Package unauthenticatedroute defines XY002 unauthenticated-route: an HTTP
route that can be called without authentication.

# What it does

Python (FastAPI): routes declared with `.get/.post/.put/.patch/.delete/
.options/.head/.trace/.api_route/.websocket/.websocket_route` decorators on
apps and routers, `add_api_route`, `add_api_websocket_route`, and the call
form `router.post("/x")(handler)`, that reach no auth dependency — also on
an app or router built in another module (`from main import app`, then
`@app.post("/x")`), and on routers and apps of classes derived from
`APIRouter`, `FastAPI` or `Flask` (`class ServiceRouter(APIRouter)`, also
in another module) or returned by a factory (`APIRouter =
get_api_router_class(...)`). A route is authenticated when an auth
dependency is reached through its parameters (`Depends(x)`, `Security(x)`,
`Annotated[T, Depends(x)]`, aliases such as `CurrentUser =
Annotated[User, Depends(get_current_user)]` defined in other modules,
dependency functions and classes that themselves depend on auth,
transitively and across files), the decorator's `dependencies=[...]`, its
`APIRouter(dependencies=[...])` (or the dependencies a router class's
`__init__` passes to `super().__init__`), the `include_router(...,
dependencies=[...])` calls that mount it (any number of hops and files),
`FastAPI(dependencies=[...])`, or, for a class-based view (fastapi-utils'
`@cbv`, a project's `@controller(router)`), the class's attributes
(`user: User = Depends(get_current_user)`, inherited from base classes in
other modules). A dependency factory (`Depends(require_role("admin"))`)
is judged by the function it returns, an instance used as a dependency
by its class's `__call__`. A dependency that only opens a database session
is not auth; the login form (`OAuth2PasswordRequestForm`) is not a scheme.
An app mounted with `app.mount()` keeps its own dependencies: the parent's
do not protect it. A router included twice, once with auth and once
without, is reachable without auth and is reported, at the open path,
naming the include that passes none. A router that is never seen included
is judged on its own, unless some `include_router` call names its router
in a way the analysis cannot follow (then it may be that one, and is not
reported). Starlette's `Route(...)` lists are not read.

Python (Flask): `@app.route` / `@bp.route` / `@app.get` ... and
`app.add_url_rule(rule, endpoint, view_func, methods=...)` without an auth
decorator (`login_required`, `jwt_required`, `require_api_key`, ...; also
anything imported from a module named `auth`) and without a
`before_request` hook that turns anonymous callers away, on the app or
the blueprint (`before_app_request` on a blueprint counts for the whole
app; a hook set up on a parameter, `def init_app(app):
@app.before_request ...`, is on every app passed there). A view given to
`add_url_rule` is read where it is defined, in the same module or
another: a function's decorators, or a class-based view's
(`View.as_view("name")`, e.g. a `MethodView`) `decorators = [...]`; without
`methods=`, a class-based view's methods are those it defines (`get`,
`post`, ...).

Auth the code writes itself counts, in both frameworks:

  - A decorator of the project whose wrapper turns away a caller that is
    not identified before it calls the view (CTFd's `@admins_only`,
    `@authed_only`; a factory such as `@require_role("editor")`).
  - A before_request hook, and FastAPI function middleware
    (`@app.middleware("http")`), that turns such a caller away, or calls an
    auth check by name (auth-decorators, auth-dependencies).
  - A handler that answers 401 or 403 (a literal, `HTTPStatus.UNAUTHORIZED`,
    `status.HTTP_401_UNAUTHORIZED`, an exception such as `Unauthorized` or
    `PermissionDenied`), calls a verifier (`verify_token`,
    `verify_signature`, `check_token`, Stripe's `construct_event`,
    `wh.verify(...)`), compares a credential and rejects a mismatch, or
    sends the caller to sign in (`redirect(url_for("auth.login"))`); so is
    a FastAPI dependency function or `__call__` that does, whatever its
    name, and an instance of a class derived from a `fastapi.security`
    scheme (`class HTTPBearer403(HTTPBearer)`).
  - A helper the handler calls (followed up to 3 calls deep, across files)
    that ends the request with a 401 or 403, calls a verifier, or compares
    a request-supplied credential with the expected one
    (`hmac.compare_digest(key, settings.API_KEY)`, `token !=
    os.environ["ADMIN_TOKEN"]`) and ends the request on a mismatch,
    whatever the status it answers.

"Turns away a caller that is not identified" means: the function ends the
request (abort, raise, redirect, an early return) under a condition that
says the caller is not identified (`not authed()`, `token is None`, `key !=
expected`, the else of `if current_user.is_authenticated`, what follows
`if authed(): return view()`), or answers 401 under no condition about the
caller. A rejection that applies to identified callers only (`if token:`
... `abort(401)` on a bad token, a banned account's 403) does not protect
an anonymous request, and neither do a CSRF check, a setup redirect or a
maintenance 403.

Anything imported from a module named `auth`, or from a module of a
package named `auth` (`polar.auth.dependencies`), counts as an auth
dependency, and so does an Annotated alias such a module defines
(`auth.OrganizationsRead`).

The analysis is project-wide: module names come from the files' layout
(package roots, `src/` layouts, services that are roots of their own, so
that a service's `from shared.auth import verify_api_key` and
`from routers.campaigns import router` find the platform's files), and
routers, aliases, constants used as prefixes (`settings.API_V1_STR`),
names re-exported by star imports (`from .base_controllers import *`) and
`include_router` calls are followed across modules.

Go: routes on net/http (`http.HandleFunc/Handle`, `ServeMux` methods, Go
1.22 patterns such as `"POST /items"`), chi, gin, echo and gorilla/mux
(`Methods(...)` read after other matchers such as `Queries(...)`, every
method it names; `PathPrefix(p).Handler(h)`; a route built by matchers
before its handler, `r.Path("/echo").Methods("POST").HandlerFunc(h)`) that are not wrapped by a
configured auth middleware, directly or through `Use(...)` on the router
or group — also a middleware held in a variable (`requireAuth :=
middleware.RequireAuth(...)`, then `sub.Use(requireAuth)`) and a subrouter
handed to a function that adds its routes (`appRoutes(sub)`). A variable
assigned again is a new router: `sub = sub.PathPrefix("").Subrouter();
sub.Use(requireAuth)` protects the routes added to the new one only. A
handler that serves no endpoint of its own is not a route:
`http.NotFoundHandler()`, `http.NotFound`, `http.RedirectHandler(...)`, a
function that only redirects, and a router mounted in another
(`mux.Handle("/", wrap(r))`, also `http.Handle("/", r)` with `r :=
mux.NewRouter()`: its routes are checked where they are added).
A handler at `/` without a method that reads nothing from its request
(a page, a file server) is the landing page.
A handler that checks a credential the request carries before anything
else is authenticated, whatever status it answers (a Pub/Sub push
endpoint answers 400 to a bad token): one of its top-level `if`
statements ends in a return and its condition compares a value read from
the request (`r.URL.Query()`, `r.Header`, `r.FormValue`, a gin or echo
context) that names a credential — a token, secret, key, password,
signature or the Authorization header, in a name or in the string it is
read by — with a value that is no constant (a configured secret: a
field, a variable, `os.Getenv(...)`; also `subtle.ConstantTimeCompare`,
`hmac.Equal`), or tests the error of verifying a credential from the
request (`idtoken.Validate`, `(*idtoken.Validator).Validate`, a function
whose name holds Verify, Validate or Authenticate and that is about a
credential), or calls a function of the package given the request whose
own top-level statements hold such a check (`if !a.authorized(r) {
...; return }`). Handlers are followed as functions, function literals,
method values (`app.receive`) and `http.HandlerFunc(...)`. A comparison
with a constant (`token == ""`), a CSRF token (an anonymous session has
one), a check nested under another condition and a form's validation are
not auth.

Public paths are allowed by configuration (`public-paths`; defaults: `/`
for GET and HEAD, `/health`, `/healthz`, `/ready`, `/readiness`, `/live`,
`/liveness`, `/metrics`, `/docs`, `/redoc`, `/openapi.json`,
`/favicon.ico`): they are not reported. Routes that are public by
convention are reported as notes that ask to confirm them with
`public-paths` (see Levels). The message names the methods and the full
path (prefixes resolved), where auth could be added, and why the finding
is at its level.

# Why is this bad?

Every route of a platform service can reach data or spend money (AI
endpoints cost per call). A route added without the shared API-key
dependency is open to the internet the moment it is deployed to Cloud Run.

# Example

	@router.post("/campaigns")
	async def create_campaign(body: Campaign): ...

In Go:

	http.HandleFunc("POST /campaigns", createCampaign)

# Use instead

	from shared.auth import verify_api_key

	@router.post("/campaigns", dependencies=[Depends(verify_api_key)])
	async def create_campaign(body: Campaign): ...

In Go:

	http.Handle("POST /campaigns", auth.RequireAPIKey(http.HandlerFunc(createCampaign)))

# Fix safety

Python: unsafe — callers without a key start failing. FastAPI:
`dependencies=[Depends(verify_api_key)]` (option `fix-dependency`) is
added to the route's decorator, `add_api_route(...)` or call-form
decorator, or appended to its existing `dependencies=[...]` list; when
every route declared on an `APIRouter(...)` is reported, all in the
router's file and none a websocket, it goes on the `APIRouter(...)`
instead (one edit that all of the router's findings share; a router that
also serves a public path such as `/health`, or a route whose finding is
suppressed — `# noqa: XY002` on a webhook that must stay open — keeps
route-level fixes).
`Depends` is imported from fastapi (merged into an existing `from fastapi
import ...`; `fastapi.Depends` when the file imports the module), the
dependency from its module (`from shared.auth import verify_api_key`, or
`auth.verify_api_key` after `from shared import auth`). Flask:
`@require_api_key` (option `fix-decorator`) on the line under the view's
route decorators (and under a flask-cors `@cross_origin` right below
them: a CORS preflight carries no key), so that it wraps the view every route registers and sits
above other decorators (a cache under it serves only authenticated
callers). No fix for websocket routes (the fastapi.security schemes read
a Request), a `dependencies=` that is not a list literal, argument lists
with comments, a Flask view whose route decorators have another decorator
between them, routes registered with `add_url_rule` (the view may be
registered more than once, or be a class: where the decorator goes is a
choice to make by hand), and files that bind `Depends` or the dependency's name to
something else. In a project where the dependency's (decorator's) module
is neither a file of the run nor imported by one (a code base without the
platform's `shared/` package: the import would fail), the fix is withheld
and the finding says so, as for every rule's fix (importable-modules
declares a module the environment provides; see docs/safety.md). The fix's
dependency and decorator count as auth, so a fixed route is not reported
again.

Go: no fix (where auth belongs — the route, its group or the router —
is a design decision).

# Options

  - `public-paths` (list; Python and Go): full route paths that need no
    auth: not reported (a note that is public by convention goes away
    once its path is listed). Default: `GET,HEAD /`, `/health`,
    `/healthz`, `/ready`, `/readiness`, `/live`, `/liveness`, `/metrics`,
    `/docs`, `/redoc`, `/openapi.json`, `/favicon.ico`. A trailing slash
    does not matter. An entry may name
    the methods it is public for, comma-separated, before the path:
    `"POST /webhooks/stripe"` leaves `DELETE /webhooks/stripe` reported;
    `ANY` is a Go route that serves every method. An entry without
    methods is public for every method.
  - `platform-auth` (string; Python and Go, in xylint's configuration
    only — not a go vet flag or a golangci-lint setting):
    what authenticates every request before it reaches this code, when the
    platform does — a Cloud Run service deployed with
    `--no-allow-unauthenticated` (IAM checks the caller's identity token),
    one behind IAP or an API gateway. Set it in the configuration of the
    service's directory (the nearest configuration file at or above a
    Python file's or Go package's directory applies): its open routes are
    notes, and the message quotes the setting. Empty (the default): off.
  - `auth-dependencies` (list; Python): FastAPI dependencies that count as
    auth. A bare name (`verify_api_key`) matches that name from any module,
    a dotted one (`app.security.check_key`) only that qualified name.
    Default: `verify_api_key`, `get_api_key`, `require_api_key`,
    `get_current_user`, `get_current_active_user`, `verify_token`. Whatever
    the list, anything imported from a module named `auth` and the
    `fastapi.security` schemes (`HTTPBearer`, `OAuth2PasswordBearer`,
    `APIKeyHeader`, ...) count, and so does whatever depends on them.
  - `auth-decorators` (list; Python): Flask view decorators that count as
    auth, matched the same way. Default: `login_required`, `jwt_required`,
    `fresh_jwt_required`, `require_api_key`, `api_key_required`,
    `requires_auth`, `auth_required`, `token_required`, `verify_token`,
    `login_required_ajax`.
  - `auth-middleware` (list; Go): functions (or function-typed variables)
    that authenticate a request: a bare name (`RequireAPIKey`) matches that
    name in any package, a qualified one
    (`example.com/shared/auth.Middleware`) only there; anything from a
    package whose last path element is `auth` counts as well. Default: the
    usual names (`RequireAuth`, `RequireAPIKey`, `APIKeyMiddleware`,
    `AuthMiddleware`, `JWTAuth`, ...) and the basic/key/JWT auth middleware
    of gin, echo and chi.
  - `fix-dependency` (string; Python fix): the qualified name of the
    dependency the FastAPI fix adds. Default `shared.auth.verify_api_key`;
    empty: no FastAPI fix.
  - `fix-decorator` (string; Python fix): the qualified name of the
    decorator the Flask fix adds. Default `shared.auth.require_api_key`;
    empty: no Flask fix.
  - `exclude` (list of path globs; Python), default the test files as in
    XY003: `test_*.py`, `*_test.py`, `conftest.py`, `tests/`: files not
    read at all. A test's app is a fixture, and a test that includes a
    production router with a fake auth dependency must not make that
    router look protected.

Example:

	[tool.xylint.unauthenticated-route]
	public-paths = ["GET,HEAD /", "/health", "POST /webhooks/stripe"]
	auth-dependencies = ["verify_api_key", "get_current_user", "require_role"]

# Levels

  - error: a route that changes state — POST, PUT, PATCH, DELETE (also
    among other methods: `GET,POST /items`) — or a WebSocket (it takes
    input): `POST /campaigns reaches no auth dependency; add auth ...; an
    error because POST changes state`.
  - warning: a read-only route (GET, HEAD, OPTIONS), which can still leak
    data; and a Go route registered without a method (`http.HandleFunc("/x",
    h)` serves every method, but naming none is not taken as mutating):
    `GET /stats reaches no auth dependency; ...; a warning because a
    read-only route can still leak data`.
  - note: a route public by convention, whose message says which
    convention and asks to confirm it with `public-paths` (no fix: auth
    would break it) — sign-in and token issuing (`/login`, `/token`,
    `/auth/refresh`, `POST /session`; Python: a handler taking an
    `OAuth2PasswordRequestForm`, or returning a token it creates), a
    passwordless sign-in request (`/magic-link`, `/login-code`, and a POST
    whose last segment asks for a code or a link under a session or
    sign-in segment: `POST /customer-session/request`, `POST
    /login/request-code`; not `/email-update/request`), sign-up
    (`/signup`, `/register`), password recovery (`/forgot`,
    `/reset/{token}`, `/verify/{token}`, `/password-recovery/{email}`),
    sign-out (`/logout`), OAuth callbacks (`/auth/google/callback`) and,
    for GET and HEAD, the OAuth sign-in start that redirects to the
    provider (a provider under an auth home as the path's last two
    segments: `/oauth/google`, `/api/auth/{provider}`, `/sso/<idp>`; a
    known provider's name or a parameter named provider, idp or backend —
    not `/auth/me`), App
    Engine's reserved `/_ah/` paths, which App Engine calls itself
    (`/_ah/warmup`, `POST /_ah/bounce`, `/_ah/mail/...`), a Python
    first-run setup wizard (a handler named `setup`, `install`,
    `initial_setup`, ... that returns a redirect: redash's and CTFd's
    `/setup`, which send the visitor away once the first administrator
    exists — open until then, which is what to confirm); and, for GET and
    HEAD (or a Go route without a method), probes (`/health`,
    `/api/healthz`, `/_healthz`, `/ready`, `/livez`, `/ping`, `/status`,
    `/version`, `/metrics`, not `/status/{job}`; also as the last segment
    of a path without parameters: `/api/v1/utils/health-check/`), about
    pages (`/about`, `/api/app/about/...`), static
    files (`/static/...`, `/assets/...`, `/media/...`, a Go
    `http.FileServer`, a Python handler that only returns
    `send_from_directory(...)`, `send_file(...)` or `FileResponse(...)`, and a Python GET handler that
    says it serves static files: a word of its name is `static`
    (`static_file`, `serve_static`) or its docstring speaks of static
    files, assets or content — a gateway forwarding `GET /<path>` to a
    static file server; not a docstring that only names "the static file
    server" it forwards other requests to), API docs (`/docs`, `/redoc`, `/openapi.json`,
    `/swagger`), `/robots.txt`, `/favicon.ico`, `/.well-known/...`. The
    word is the path's first after the usual prefixes (`/api`, `/v1`,
    `/auth`, `/users`, ...): `/users/me/token` is not sign-in. Notes too:
    capability URLs, whose path holds a secret or token
    (`/checkouts/{client_secret}`, `/claim/{invitation_token}`), and
    Python routes that take the secret in the request body instead: a
    handler that hands a field of its body model named for a token or
    secret (`invitation_token`, `claim_token`, `client_secret`; not a CSRF
    token) to a call that finds, claims or checks by it (`claim_seat(
    session, seat_claim.invitation_token)`, `get_..._by_token`, `redeem`,
    `verify_...`) — a token the route only stores (`save_device(body.
    device_token)`) is data and keeps the route's level; routes the
    code declares public (Python: a docstring that says no authentication
    is required, a class-based view whose class or base is named
    `...Public...`, a router or app whose name holds `public` or
    `anonymous`, a handler that sets `Cache-Control: public` on its
    response, letting shared caches serve it to anyone); legal pages (`/tos`, `/privacy`). And a note:
    every open route of files whose configuration sets `platform-auth`
    (auth enforced by the platform), and every open route whose
    deployment files show it (internal/deploy; Python and Go, xylint's
    check only), the message naming the file: a Cloud Endpoints (ESP)
    OpenAPI spec beside the code (`openapi*.yaml`, `swagger*` with
    `securityDefinitions` or `securitySchemes` and an `x-google-`
    extension: the gateway checks the credential first); a `gcloud run
    deploy <name> ... --no-allow-unauthenticated` in a script or Cloud
    Build file of the project; Terraform granting `run.invoker` on a
    `google_cloud_run_service` (or `_v2_`) of that name to named members,
    none of them `allUsers` or `allAuthenticatedUsers`; a Kubernetes
    Service of that name of type ClusterIP with no LoadBalancer or
    NodePort Service and no Ingress to it in the project's manifests
    (reachable only inside the cluster). The name is the code's directory
    (its parent for `src/`, `app/`, `api/`, `server/`, `backend/`); the
    project is the nearest directory above it with `.git`. And a note: a Python route whose
    router is mounted only in development — the include_router, mount or
    register_blueprint on its way is made under an `if` comparing a
    setting or variable whose name holds "env" with "local", "dev",
    "development", "test" or "testing" (`if settings.ENVIRONMENT ==
    "local":`, `in ("dev", "test")`), or unequal to "prod"/"production";
    the message names the include and its condition. A route also mounted
    outside such an `if` keeps its level. Likewise a Python handler that
    answers only when a debug or safe-mode flag of the configuration is
    set: its body is an `if` reading the flag (`app.config.get("SAFE_MODE")
    is True`, `settings.DEBUG`, `os.environ.get("DEBUG") == "1"`: a name
    holding debug, safe_mode, testing, development or dev_mode, read from
    an object, a mapping or a call) whose branch answers and after which
    comes only a refusal (`abort(404)`, a raise, a 404 or 403 response),
    or starts with `if not <flag>:` that refuses (CTFd's `/debug`, served
    only in SAFE_MODE); a flag that only changes what the route answers
    keeps its level.
  - Session-scoped routes: a handler that identifies its caller by a
    session — Go: reads a session cookie (`r.Cookie("session-id")`, a name
    holding "session" or "sid") or calls a function whose name speaks of
    a session ID with the request (`sessionID(r)`,
    `getSessionID(r.Context())`); Python: reads a session cookie
    (`request.cookies.get("session_id")`) — acts on the caller's own session (a demo shop's cart, with no user
    accounts), not on other users' data: a mutating one is a warning, not
    an error (whoever learns a session ID acts as that session: confirm it
    is random and unguessable), a read-only one a note; a route without a
    method keeps its warning. A session object alone (Flask's `session`,
    `request.session`, gorilla's `store.Get(r, ...)`) is not enough: it
    may hold only a CSRF nonce or a login while the handler changes shared
    state (CTFd's first-run `/setup`). Example: `POST /login reaches no auth
    dependency; a note because it is public by convention (sign-in);
    confirm it with `public-paths`.
*/
package unauthenticatedroute
