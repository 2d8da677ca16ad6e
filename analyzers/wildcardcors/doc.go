/*
Package wildcardcors defines XY001 wildcard-cors: a CORS policy that lets
every web origin call the service.

# What it does

Python: FastAPI/Starlette `CORSMiddleware` — given to `app.add_middleware`,
to `Middleware(...)` in `FastAPI(middleware=[...])` / `Starlette(...)`, or
wrapping an app by hand — whose `allow_origins` contains `"*"` (a list,
tuple, set or string, directly or through a variable or constant — also one
imported from another module, also through re-exports — an
environment lookup whose default is `"*"` such as `os.getenv("X", "*")` or
`os.environ.get("X", "*").split(",")`, or a branch of a conditional), or
whose `allow_origin_regex` matches every origin; flask-cors `CORS(app)` /
`CORS()` / `@cross_origin()` without `origins` (its default is every
origin), with `origins` containing `"*"` or an everything-regex, or with
`resources` whose entries set such origins or none at all — flask-cors's
own `CORS` and `cross_origin`, under every import path it has been
published under (`flask_cors`, its `flask_cors.extension` and
`flask_cors.decorator` modules, and `flask.ext.cors`, Flask's extension
importer that its documentation used until 2016), or names a star import
of flask-cors brings; a parameter, a method or another module's
attribute called `cross_origin` is not flask-cors's; raw
`Access-Control-Allow-Origin: *` headers (`resp.headers[...] = "*"`,
header-setting methods such as `headers.set(...)`, `send_header(...)`,
`set_header(...)` — not reads like `headers.get(name, "*")` — a headers
dict passed to a
response or returned in a Flask tuple, a `(name, value)` pair in a WSGI
header list); django-cors-headers' `CORS_ALLOW_ALL_ORIGINS = True` /
`CORS_ORIGIN_ALLOW_ALL = True`, `"*"` in `CORS_ALLOWED_ORIGINS` /
`CORS_ORIGIN_WHITELIST`, or an everything-regex in
`CORS_ALLOWED_ORIGIN_REGEXES`. The finding is an error when credentials are
also allowed (`allow_credentials=True`, `supports_credentials=True`,
`CORS_ALLOW_CREDENTIALS = True` in the settings module, or an
`Access-Control-Allow-Credentials: true` header set in the same function),
a warning otherwise; the message says which.

Python: without credentials, the finding is a note in a service that
authenticates by a header credential — a module in the policy's
directory or below (its application's package: lnbits' `app.py` and
`lnbits/decorators.py`; not a module elsewhere in the tree, such as the
API server beside a command's local callback server) builds a `fastapi.security` header or query scheme (`APIKeyHeader`,
`HTTPBearer`, `OAuth2PasswordBearer`, ...) or reads a credential header
from a request (`request.headers.get("X-Api-Key")`, `Authorization`):
the browser sends no visitor's cookies with another site's requests (nor
shows it the response to one that carried them), and that site cannot
read the visitor's key, so the wildcard exposes only what anyone may
fetch. The message names the file that shows it. Cookie sessions alone
(HTTP Basic, `APIKeyCookie`) and services that trust their network keep
the warning: an internal API becomes readable by every site its users
visit.

A regular expression "matches every origin" when it accepts two unrelated
HTTPS origins an attacker could own (`https://evil.example`,
`https://xylint-probe.attacker.invalid:8443`), compiled with Go's RE2 and
Python's semantics (Starlette: `re.fullmatch`; flask-cors and Django:
`re.match`, flask-cors ignoring case): `.*`, `.+`, `^.*$`, `https?://.*`
do, `https://.*\.example\.com` does not. A pattern RE2 cannot compile
(lookarounds, backreferences) is not judged.

The finding is on the wildcard literal when it is written in the call (the
thing a fix replaces), else on the argument, and names the variable (and
file) the wildcard came through.

Not reported: `"*"` in `allow_methods` / `allow_headers`, origins read from
settings objects (`settings.BACKEND_CORS_ORIGINS`) or function parameters,
Content-Security-Policy directives that contain `*`, the header on an
error response only (a `headers={...}` dict given to a response whose
status is 400 or above — `status_code=status.HTTP_403_FORBIDDEN`, `429`,
`HTTPStatus.NOT_FOUND` — or returned beside such a status in a Flask
tuple: a CSRF or rate-limit rejection that lets the page read why it was
refused exposes no data and is no CORS policy), a module constant that
holds `"*"` but is never used as origins, and flask-cors without origins in
a file that sets the app's `CORS_ORIGINS` configuration or loads a
configuration class of the project that sets it
(`app.config.from_object(ProductionConfig)` before `CORS(app)`).

Go: `Header().Set/Add("Access-Control-Allow-Origin", "*")` (also through
constants and `http.Header` literals), github.com/rs/cors `AllowAll()`,
`cors.Options{AllowedOrigins: []string{"*"}}` or an `AllowOriginFunc` that
always returns true, gin-contrib/cors `AllowAllOrigins: true` or
`AllowOrigins` with `"*"`, and go-chi/cors options with `"*"`.

# Why is this bad?

A wildcard origin lets any web page read the service's responses from a
user's browser. With credentials allowed it becomes a cross-site data leak;
without them it still exposes internal APIs to every site a user visits.
Phase 1 of the platform's security programme removed wildcard CORS from 35
services; this rule keeps it out.

# Example

	app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)

In Go:

	w.Header().Set("Access-Control-Allow-Origin", "*")
	handler := cors.AllowAll().Handler(mux) // github.com/rs/cors

# Use instead

	app.add_middleware(
	    CORSMiddleware,
	    allow_origins=os.environ.get("ALLOWED_ORIGINS", "").split(","),
	    allow_credentials=True,
	)

In Go:

	handler := cors.New(cors.Options{
		AllowedOrigins: strings.Split(os.Getenv("ALLOWED_ORIGINS"), ","),
	}).Handler(mux)

# Fix safety

Python: unsafe — the fix changes which browsers may call the service. It
puts the project's origins setting where the wildcard is written when the
file imports the project's settings object and the object has one: an
attribute named for origins (`all_cors_origins`, `cors_allowed_origins`,
`cors_origins`, `allowed_origins`, `backend_cors_origins`, ... in either
case) that is a list of strings — a field or property of a settings class
(a pydantic `BaseSettings` subclass, a class named `*Settings` or
`*Config`) whose module-level instance the file imports
(`settings.all_cors_origins`), or a constant of a settings module
(`settings.py`, `config.py`) the file imports (`config.CORS_ORIGINS`),
or, for flask-cors `CORS(app)`, an upper-case origins attribute of the
configuration object `app.config.from_object(...)` loads before it
(`origins=app.config["ALLOWED_ORIGINS"]`); a `str` setting (a comma-separated value) or `list[AnyUrl]` is not used
as it is. Otherwise it puts the configured origins source (by default the
comma-separated `ALLOWED_ORIGINS` environment variable, empty entries
dropped, so that an unset variable allows no origin), and when the file
imports a settings object without an origins setting the message says so:
adding one to someone's settings class is a larger change than the fix
makes, and the deployment must set the variable either way. A settings
object the file does not import is not looked for.

  - an origins value that is only the wildcard (`["*"]`, `("*",)`, `"*"`,
    or an everything-regex string given to flask-cors) becomes the
    expression, whether it is written in the call, in a branch of a
    conditional, or in the assignment of the variable the call names in
    the same file (the constant is fixed where it is defined);
  - a wildcard among explicit origins is removed
    (`["https://a.example", "*"]` → `["https://a.example"]`; a tuple keeps
    its comma): the listed origins are the ones the service meant;
  - the default of an environment lookup (`os.getenv("ORIGINS", "*")`)
    becomes `""`;
  - flask-cors `CORS(app)` / `@cross_origin()` without origins (also with
    resources that set none) gets `origins=<expression>`, which every
    resource without origins of its own inherits — in place of
    `send_wildcard=True`, which only acts when the origins are `*`;
  - Django `CORS_ALLOW_ALL_ORIGINS = True` (or `CORS_ORIGIN_ALLOW_ALL`)
    becomes `CORS_ALLOWED_ORIGINS = <expression>`, or `False` when the
    module already lists its origins.

The configured expression's fix is made only with evidence that the
origins will be set — merged where nothing sets them, the service refuses
every origin, and a public API's browser clients on other origins break:
the project's own origins setting (above), an `origins-expression`
configured in `[tool.xylint.wildcard-cors]` (the project named its origins
source), or, for the default expression, a deployment file of the service
that sets `ALLOWED_ORIGINS` — in the file's directory or a directory above
it within the project (up to the directory of the xylint configuration, or
the repository's root), or a `deploy`, `k8s`, `kubernetes` or `manifests`
directory beside them: a Dockerfile's `ENV`, App Engine's `app.yaml`
`env_variables`, a Cloud Run `service.yaml`, a Kubernetes manifest's
`- name: ALLOWED_ORIGINS`, a docker-compose file, a deploy script's
`--set-env-vars=ALLOWED_ORIGINS=...` or `export`, a `.env.example`.
Otherwise no fix, and the message says what to set to get one. Nor where a
test of the project asserts the wildcard header on the app (a `test_*.py`
or `*_test.py` in the app's directory, or a tests directory in or beside
it, that imports the app's module and asserts
`Access-Control-Allow-Origin` `== "*"`): the wildcard is the behaviour the
project tests for (python-docs-samples' Endpoints sample, whose
`@cross_origin(send_wildcard=True)` its main_test.py checks); the message
names the test.

The import the expression needs is added (`import os`, merged into an
existing `from module import ...` for a name). An edited line that would
exceed the project's line length is wrapped the way Black wraps it (the
call's arguments one per line with a trailing comma, a comprehension's
clauses a line each); the length is the one the nearest Ruff (`line-length`
in .ruff.toml, ruff.toml or `[tool.ruff]`), Black (`[tool.black]`) or
flake8 (`max-line-length` in .flake8, setup.cfg or tox.ini) configuration
from the file's directory up sets, 88 when none does. A line holding a
comment is left as long as it is. No fix for raw
`Access-Control-Allow-Origin: *` headers (the header holds a single
origin: the correct code echoes an allowed request Origin back and adds
`Vary: Origin`, which depends on the framework and is left to a person),
everything-regexes in `allow_origin_regex` and
`CORS_ALLOWED_ORIGIN_REGEXES` (a person chooses the pattern), a wildcard
held by a constant of another module (the fix would edit a module other
services may share, where there is no finding), a wildcard inside a longer
string (`"https://a.example,*"`), lists with comments, files where the
expression's names are bound to something else (`import os as _os`), and
an app the file serves itself, in-process from a function, on the
loopback interface (`uvicorn.run(app)` / `uvicorn.Config(app, port=0)`
with no host or 127.0.0.1/localhost/::1): a CLI's login callback server
(prefect's `cloud login`, which the Cloud UI's page calls on
`http://localhost:PORT`) needs that page's origin, which no deployment
setting holds — the configured expression would leave it unset on every
user's machine and break the login. Nor for a wildcard that is a note
because the API authenticates by a header credential (an API key): the
wildcard exposes only what anyone may fetch, and origins restricted to an
expression the deployment may not set would break every cross-origin
client of the public API for no gain.

Go: no fix; the finding is a warning, or an error when credentials are
also allowed (`AllowCredentials: true`, or an
`Access-Control-Allow-Credentials: true` header set in the same function).

# Options

  - `middleware` (list): qualified names of further CORS middleware classes
    that take Starlette's `CORSMiddleware` arguments (a platform's own
    wrapper, such as `"shared.cors.PlatformCORSMiddleware"`); Starlette's and
    FastAPI's `CORSMiddleware` are always checked.
  - `origins-expression` (string; Python fix): the expression that replaces
    the wildcard, a list of origin strings. Default
    `[origin for origin in os.environ.get("ALLOWED_ORIGINS", "").split(",") if origin]`;
    empty: no fix. An expression that does not parse gives no fix.
  - `origins-import` (string; Python fix): what the expression needs,
    `"module"` (`import module`) or `"module:name"` (`from module import
    name`); default `"os"`, empty for nothing.
  - Go: none.

Example, for origins kept in the platform's shared configuration:

	[tool.xylint.wildcard-cors]
	origins-expression = "ALLOWED_ORIGINS"
	origins-import = "shared.config:ALLOWED_ORIGINS"
*/
package wildcardcors
