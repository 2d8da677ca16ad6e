/*
Package directclient defines XY003 direct-client: an HTTP, GCP or Redis
client constructed directly instead of taken from the platform's shared
pools.

# What it does

Python: calls to client constructors listed in a configurable table, each
with the pooled getter that replaces it. Defaults: `google.cloud.bigquery.Client`,
`storage.Client`, `pubsub_v1.PublisherClient`, `pubsub_v1.SubscriberClient`
(also through the `google.cloud.pubsub` alias), `firestore.Client` /
`AsyncClient`, `datastore.Client`, `secretmanager.SecretManagerServiceClient`,
`tasks_v2.CloudTasksClient`, the google.cloud `logging.Client`, Vertex AI
(`aiplatform_v1` / `aiplatform.gapic` `PredictionServiceClient`,
`vertexai` `GenerativeModel`, `google.genai.Client`, LangChain's
`ChatGoogleGenerativeAI` / `ChatVertexAI` and their embeddings: each builds
a gRPC channel or HTTP pool of its own), `redis.Redis` / `StrictRedis` /
`from_url` (also `redis.asyncio`), `httpx.Client` / `AsyncClient`,
`requests.Session` and `aiohttp.ClientSession`, plus their versioned module
paths (`firestore_v1`, `secretmanager_v1`, ...). The other Google Cloud
clients services build are in the table too, without a getter (reported
without a fix; the message says to add one to `shared.gcp_clients`): Vision
(`ImageAnnotatorClient`, `ProductSearchClient`), Translation (v2 `Client`,
v3 `TranslationServiceClient`), Spanner and Bigtable `Client` (and
Bigtable's data clients), Document AI, Datastore and NDB `Client`, Cloud
Tasks' async client, Speech, Text-to-Speech, Natural Language, Video
Intelligence, DLP, KMS, Discovery Engine (Vertex AI Search: search,
conversational search, documents, grounded generation, ranking,
recommendations), reCAPTCHA Enterprise, Dialogflow (ES and CX) sessions,
Cloud Monitoring metrics, BigQuery Storage read/write, Cloud Scheduler and
Error Reporting — each under its usual module names (`vision_v1`,
`translate_v3`, `speech_v2`, ...). Callees are resolved
through imports in all their forms: `from google.cloud import bigquery;
bigquery.Client()`, `import google.cloud.bigquery as bq; bq.Client()`,
`from google.cloud.bigquery import Client as BQ; BQ()`, and simple aliases
(`Make = bigquery.Client`). Module functions such as `requests.get()` or
`httpx.post()` are not constructors: they build and close a throw-away
session per call (a cost of its own, but not a client left open), and the
migration to a shared client is a different change (XY004's and the HTTP
timeout's business).

The pool modules themselves are exempt (`pool-modules`), and so are test
files (`exclude`), whose fixtures build real clients on purpose.

Each site is classified, and the message and the finding's kind (JSON
`kind`, `--statistics`) say which:

  - `per-request`: in a function that runs per request, or that one of
    them calls, across files: FastAPI/Starlette/Flask/Quart route handlers
    (decorators, `add_api_route`, `add_url_rule`, `Route(...)`,
    `router.get("/p")(f)`), Flask `before_request`/`after_request`/
    `teardown_*` hooks, FastAPI middleware and exception handlers,
    `Depends(...)`/`Security(...)` targets (a class given to `Depends` is
    built per request: its `__init__` counts), functions handed to
    `BackgroundTasks.add_task` and the like, Cloud Functions entry points
    (`functions_framework` decorators; `(event, context)` / `(cloud_event)`
    functions in a main.py), and module-level functions whose first
    parameter is `request` (Cloud Functions, Django and Starlette views);
    also per message a worker handles: Celery-style tasks (`@app.task`,
    `@shared_task`) and Pub/Sub subscription callbacks. Calls are followed
    through the project: plain calls, `self.m()`, `Class().m()`, imported
    functions (absolute and relative imports, package re-exports); calls on
    objects of unknown type are not. This is the role model's service code
    (docs/roles.md).
  - `per-call`: in any other function: a new client on every call (also a
    "getter" that builds a new one each time). In `__init__`, per instance.
    The message says what the code is when it is not a service's: "in a
    command-line program, not a service", "in a one-off script", or "no
    service entry point is known to reach it".
  - `module-level`: at module level or in a class body, or in startup code
    (`lifespan=`, `on_startup=[...]`, `@app.on_event("startup")`,
    `add_event_handler("startup", ...)`): built once per process, but
    outside the pool (not shared, not closed by the pool's shutdown).
  - `cached`: a hand-made singleton: a function decorated with
    `functools.lru_cache` / `cache` (or cachetools / async-lru), or an
    assignment to a global, a class attribute (`cls._client`,
    `Pool._client`) or a module-level dict item that the function tests
    first (`if _client is None:`, `key not in _clients`, `_c = _c or X()`).
    An instance attribute (`self._client`) lives as long as its instance and
    is not a process-wide cache: a method that tests it first (`if
    self._client is not None: return self._client` ... `self._client =
    Redis(...)`, or `self._c = self._c or X()`) builds the client once per
    instance, and the message says so ("once per instance: `Queue._client`
    caches it in `self._client`") instead of "per call"; the level stays
    the reach's (a note outside service code; per request, a warning that
    adds "so one per instance, as often as the instance is built").

A client built on a connection pool the call gives it — httpx's
`transport=`, aiohttp's `connector=`, a requests Session bound to a name
whose `.mount(prefix, adapter)` the same function calls — is judged by
that pool. When the pool is a module-level object (a name the module
binds, or a local only ever assigned such names: prefect's webhook block,
which builds a client per block on module-level transports kept "to
maintain a process-wide connection pool"), the pool is shared: the rule is
about clients that open a pool of their own, and such a client is not
reported. Any other transport (`transport=AsyncSafeTransport()`, an SSRF
guard built to fetch users' URLs; mounted retry adapters) is a setting the
shared client does not have: the shared client is no replacement, so the
site is a note that says so, with no fix, whatever reaches it. A
transport that is None in use (`transport=Mock() if disabled else None`:
a test double while the integration is off) leaves the client its own
default pool: judged as a client without one.

The message names the getter to use ("direct `bigquery.Client()` per
request in route handler `report` (GET /report); use
`shared.gcp_clients.get_bigquery_client()`"), or, when the table has none,
the pool module a getter belongs in. A call that configures its client
with a keyword argument the getter does not take (not in the entry's
`args` or `drop`: `client_options={"api_endpoint": regional}`,
`credentials=`, `location=`) is not one the getter can replace as it is:
the message says so ("`get_secret_manager_client()` takes no
`client_options`: pool one client per `client_options` (a getter in
`shared.gcp_clients` that takes it)") instead of naming the getter. `xylint check --statistics` prints the
counts per service and kind: the number the migration burns down (see
docs/json-output.md for how a finding's service is named).

Go: `cloud.google.com/go/...` `NewClient` / `New...Client` calls and
`http.Client` literals made per request (in HTTP handlers and the functions
they call) or outside `main`/`init`/the configured pool package;
`http.Get/Post/Head` and `http.DefaultClient`, which have no timeout.

# Why is this bad?

Each client opens its own connection pool, TLS sessions and auth token
refresh. Built per request, it adds hundreds of milliseconds of latency and
leaks sockets; built per module it multiplies connections across the
platform. The shared pools (`shared/http_client.py`,
`shared/gcp_clients.py`) cut the platform's bill by $2,000/month in phase 2;
about 230 direct sites remain.

# Example

	from google.cloud import bigquery

	@app.get("/report")
	def report():
	    client = bigquery.Client()

In Go:

	func report(w http.ResponseWriter, r *http.Request) {
		client, err := bigquery.NewClient(r.Context(), projectID)

# Use instead

	from shared.gcp_clients import get_bigquery_client

	@app.get("/report")
	def report():
	    client = get_bigquery_client()

In Go, build the client once (in main, a `sync.Once` or the pool
package) and share it:

	var bq = sync.OnceValues(func() (*bigquery.Client, error) {
		return bigquery.NewClient(context.Background(), projectID)
	})

# Fix safety

Python: the constructor call becomes a call of the table's getter, imported
from its module (`from shared.gcp_clients import get_bigquery_client`,
merged into an existing import of that module, in a sorted block at its
sorted place); imports that only the replaced constructors used are
removed (`from google.cloud import bigquery` stays while
`bigquery.QueryJobConfig` is used). A function-local import counts the
uses in its function only: when the module imports the same name for an
annotation (`-> secretmanager.Secret`), the local import the constructor
alone used still goes.

	bigquery.Client(project=P)      →  get_bigquery_client(project=P)
	bigquery.Client(P)              →  get_bigquery_client(project=P)
	async with httpx.AsyncClient() as client:
	    r = await client.get(url)   →  client = get_http_client()
	                                   r = await client.get(url)

In detail:

  - Arguments: those in the entry's `args` are kept as written;
    positional ones are named after `positional`; a call passing one in
    `drop` gets no fix (the pooled client has its own timeout and limits).
    Any other argument (`location=`, `credentials=`, `base_url=`),
    `*args`/`**kwargs`, or more positional arguments than `positional`
    names: no fix. An `async` getter is awaited, so the fix applies only
    inside `async def`.
  - `[async] with X() as c:` becomes `c = getter()` and the body moves one
    level out (tabs or spaces as the file has them; comments, blank lines
    and continuation lines move with it; the lines of a multi-line string
    are left as they are). In a `with` of several items only the client's
    item goes and `c = getter()` comes before the `with`. A `with` that
    binds no name, or whose body is on its header's line: no fix.
  - `c.close()` / `await c.aclose()` statements on the client are removed
    (closing the shared client would close it for everyone); a
    `try: ... finally: <close>` with no other clause unwraps, a block that
    would be empty keeps `pass`.

Safe, and only where the client is used only through its methods: the
call used directly (`bigquery.Client().query(q)`), or bound to a name (a
local, a module-level name, a `with` target) bound once and used only as
`c.method(...)`. No fix — not even under `--unsafe-fixes` — when settings
would be dropped (an argument in the entry's `drop`: the pooled client has
its own timeout, limits, credentials and transport), or when the client
escapes or is reconfigured: returned, stored in an attribute, a global or a
container, passed to a call, an attribute set on it or a configuration
attribute used (`headers`, `auth`, `cookies`, `base_url`, `mount`, ...):
code elsewhere may close or change what would be the shared client, and a
reviewer would not merge that change unread. Other modules that import a
module-level client are not looked at.

No fix either — not even unsafe — when the project's tests patch the
constructor: `mock.patch("pkg.mod.Client")`, `mocker.patch(...)`,
`patch.object(mod, "Client")`, `monkeypatch.setattr(mod, "Client", ...)`
or `monkeypatch.setattr("pkg.mod.Client", ...)`, or replace it by
assignment (`mod.Client = Fake`, `mod.firestore.Client = Fake` with mod
imported: python-docs-samples' firestore snippets_test.py swaps in a
client that suffixes every collection name per run), by the name the module
calls it (`pkg.mod.bigquery.Client`, `pkg.mod.Client`), by the module
name it is an attribute of (`pkg.mod.bigquery`), or by the constructor's
own name (`google.cloud.bigquery.Client`). The pooled getter builds the
client once per process and hands every later caller that one: the mock
a test patches in is not what the code uses, or, patched in the first
test to build it, is what every later test gets. The finding says so:
"(no fix: the tests patch `pkg.mod.Client`; a pooled client built once
would not be their mock)". The test files are excluded from the rule and
read for these patches only. A test counts for the sites of its program:
it sits under the site's root (the directory the module's name is relative
to: a service's tests/) or the site sits under the test's root (a
project's top-level tests package); one sample's test does not speak for
the other samples of a repository.

Where the getter's import goes: in the import block (the first-party
group, at its sorted place); but when the constructor's module was
imported inside the function, or inside the same `# [START name]`
documentation sample region as the call, the getter's import goes there:
in place of the constructor's import when that goes (its own line: the
blank lines and comments around it stay as they were), else (the
import stays for other names: `from google.cloud import storage, vision`)
among the imports it stands with, after the last of them that sorts
before the getter's module — before `from wand.image import Image`, as
isort and flake8-import-order want (the region is published as it stands, and a
function-local import stays local). A one-line comment right above a
constructor's import that goes, saying only that it imports the library
(`# Imports the Google Cloud client library`, `# Import the Secret
Manager client library.`), goes with it — it would describe the getter's
import — unless it heads other imports that stay or says more (`and`).
A one-line comment right above the constructor that says it
makes a client (`# Instantiates a client`, `# Create a Storage client`)
is removed: the code no longer does — unless it gives a reason for the
client that stays true of the getter (`# Create a global Pub/Sub client to
avoid unneeded network activity`, "... once, shared by every request":
global, once, shared, reuse, cache, pool, avoid, ...), which is kept.

No fix for a client on its own transport or mounted adapter (even when
the table's `args` list `transport`: the guard would go), for cached
singletons (a hand-made getter: the fix would be to
delete the function and change its callers, a reviewer's change), for
constructors reached through an alias (`Make = bigquery.Client`), for
entries without a getter, and where the getter's name is already taken in
the file.

All fixes of one file go together: each site's fix carries the edits of
every fixable site of the file whose fix is at least as safe, so an
import is removed only together with all its uses, whichever fix a tool
applies (sites under a `# noqa` are left out and keep their import). The
fix's message says how many more sites it fixes.

Go: no fix.

# Levels

  - warning: `per-request` — a client built per request (or per message a
    worker handles) opens a connection pool, a TLS session and a token
    refresh each time: latency and leaked sockets under load, paid by
    every request. `direct `bigquery.Client()` per request in route
    handler `daily_stats` (GET /stats/daily); use
    `shared.gcp_clients.get_bigquery_client()“.

  - note: a client built once per process — `module-level` (module level,
    a class body, a `__main__` block, startup code) and `cached`
    (`@lru_cache`, `if _c is None:`) — costs one pool per process: still a
    site the migration moves to the shared pool (`xylint migrate` counts
    notes), but nothing to fail a build for; the message says "once per
    process": `direct `storage.Client()` at module level: once per
    process; use `shared.gcp_clients.get_storage_client()“.

  - note: `per-call` in code no service entry point is known to reach (a
    command-line program, a script, library code): it runs when someone
    runs it, not per request; the message says which: `direct
    `bigquery.Client()` per call of `run_query` (in a command-line
    program, not a service); ...`.

  - note: a client on its own transport or mounted adapter (a guard, a
    proxy, retries), whatever reaches it: the shared client would drop
    that setting, so it is no replacement; the message says so and
    suggests building the transport once at module level instead: `direct
    `httpx.AsyncClient()` per call of `fetch` ...; built on its own
    transport (`transport=AsyncSafeTransport()`), which the shared client
    would drop: that client is no replacement (a note); ...`. On a
    module-level transport the pool is shared: not reported.

In Go, by the package's types and call graph: a client built in an HTTP
handler (recognised by signature), or in a function of the package one
calls, is a warning, per request. Once per process — a lazy package-level
client (`if client == nil { client = ... }`) — is a note; `sync.Once`
bodies, package-level variables, `init`, `main` and what only they call
are not reported. Anything else is built per call of its function: in a
package other than `main`, when nothing of the package reaches that
function — no handler, no gRPC method (a method taking or returning a
protobuf message), no `init`/`main`, no function literal, no use of the
function as a value (a callback) — it is library code whose cost is its
callers' (a documentation snippet taking `w io.Writer`): a note, "built
per call of `ListBuckets`, a function no handler in this package reaches
(a note; a warning once one does)". Inside a function literal, reached
from such an entry, or in package `main`, it stays a warning ("built in
`reload`; ..."), except in a command-line program: in a package `main`
that serves nothing (no handler, no gRPC method, no call of
`ListenAndServe`, `Serve` or `Receive`), a function that only `main` and
`init` run — called from them, or used as a value there other than as a
call's argument, as in a table of samples or commands `main` dispatches
through (`samples := []struct{...}{{"faces", detectFaces}}`), and what
those call, when no function literal or callback also reaches it — is a
note, "built per call of `detectFaces`, which only the command-line
program's main runs: once per run of a command-line program"; in such a
program a function nothing of the package runs (a snippet its tests
call) is the library note above. Callers in
other packages are not followed: a library constructor that another
package's handler calls per request is a note.

# Options

  - `extend-clients` (array of tables, Python): entries added to the
    default table; an entry replaces the default with the same constructor,
    and `ignore = true` removes one. Each entry has `constructor` (the
    qualified name imports resolve to; `*` matches within one dotted part,
    e.g. `google.cloud.*.*Client` for every GAPIC client), `getter` (the
    pooled getter's name, or none), `module` (the module that defines the
    getter, or where one belongs) and `args` (the constructor's keyword
    arguments the getter accepts under the same name: a call that passes
    others cannot become a getter call unchanged), `positional` (the
    names, in order, of the constructor's positional arguments, each also
    in `args`), `drop` (arguments the getter does not take and whose loss changes behaviour: a call passing one gets no fix) and
    `async` (the getter is a coroutine function and is awaited):

    [[tool.xylint.direct-client.extend-clients]]
    constructor = "google.cloud.datastore.Client"
    getter = "get_datastore_client"
    module = "shared.gcp_clients"
    args = ["project", "namespace"]
    positional = ["project", "namespace"]

    [[tool.xylint.direct-client.extend-clients]]
    constructor = "requests.Session"
    ignore = true

  - `clients` (array of tables, Python): the whole table, replacing the
    defaults (same fields).

  - `pool-modules` (list of path globs, Python): modules that own the
    shared clients and may build them. Default: `shared/gcp_clients.py`,
    `shared/http_client.py`. Globs use gitignore syntax and match the
    file's path or any tail of it.

  - `exclude` (list of path globs, Python): files not checked. Default:
    `test_*.py`, `*_test.py`, `conftest.py`, `tests/`.

  - `pool-packages` (list, Go): packages that own the shared clients and
    may build them anywhere: an import path, `path/...` for a subtree, or a
    trailing part of a path. Default: `shared/httpclient`,
    `shared/gcpclients`.
*/
package directclient
