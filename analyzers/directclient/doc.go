/*
Package directclient defines XY003 direct-client: an HTTP, GCP or Redis
client constructed directly instead of taken from the platform's shared
pools.

# What it does

Python: calls to client constructors listed in a configurable table, each
with the pooled getter that replaces it. Defaults: `google.cloud.bigquery.Client`,
`storage.Client`, `pubsub_v1.PublisherClient`, `pubsub_v1.SubscriberClient`,
`firestore.Client` / `AsyncClient`, `datastore.Client`,
`secretmanager.SecretManagerServiceClient`, `tasks_v2.CloudTasksClient`, the
google.cloud `logging.Client`, Vertex AI / aiplatform clients,
`redis.Redis` / `StrictRedis` / `from_url`, `httpx.Client` / `AsyncClient`,
`requests.Session` and `aiohttp.ClientSession`, resolved through imports in
all their forms. The pool modules themselves are exempt (defaults
`shared/gcp_clients.py`, `shared/http_client.py`). Each site is classified
and the message says which: per request (in a route handler, in something
it calls, or in a class built per request through `Depends`), module level,
or a hand-made cached singleton. The message names the getter to use.
`xylint check --statistics` counts sites per service and kind.

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

Safe when the configured getter accepts the constructor's arguments (the
constructor call becomes the getter call and its import is added; imports
that became unused are removed). Otherwise the fix is unsafe (arguments
dropped) or absent.

Go: no fix.

# Options

  - `clients` (table): constructor -> getter, the getter's module and the
    arguments it accepts.
  - `pool-modules` (list of globs): files exempt from the rule.
  - `pool-packages` (list, Go): packages that own the shared clients and
    may build them anywhere: an import path, `path/...` for a subtree, or a
    trailing part of a path. Default: `shared/httpclient`,
    `shared/gcpclients`.
*/
package directclient
