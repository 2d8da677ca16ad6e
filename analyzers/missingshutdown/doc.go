/*
Package missingshutdown defines XY006 missing-shutdown: a service that does
not clean up when its container is stopped.

# What it does

Python: a root ASGI application — a `FastAPI()` / `Starlette()` call,
also one made in a factory function (`def create_app(): app = FastAPI();
...; return app`) — with no shutdown handling: no `lifespan=` (any
expression but `None`, e.g. a factory call), non-empty `on_shutdown=[...]`,
`@app.on_event("shutdown")`, `app.add_event_handler("shutdown", ...)`,
`app.router.on_shutdown.append(...)`, or `app.router.lifespan_context =
...` (assigning the router's lifespan is a lifespan). The handling may be
added in another module than the one that creates the app (`app =
create_app()` then `app.add_event_handler(...)`), and an app passed to
`app.mount()`, `app.host()` or `Mount(...)` — in the same module or
another, by name or as a factory's result — is a sub-app, not a root: the
parent's lifespan is the one that runs. One finding per root app, at the
call that creates it; code in docstrings is not code. Test files are not
looked at (option `exclude`).

An app built in a factory and served from one or more entry modules
(`app = create_app()` in `main.py`, in `worker.py`) is one app, checked
where it is built, once; what every one of its modules leaves open counts.

The message lists what the app's modules leave open: the getters of the
pool modules they call (`get_firestore_client()` from `shared.gcp_clients`),
the clients of XY003 direct-client's default constructor table they build
(`bigquery.Client`), not counting clients opened by a `with` statement, and
background work they start (`asyncio.create_task`, `asyncio.ensure_future`,
`threading.Thread`, APScheduler's schedulers). It says so when the app has a
startup hook but no shutdown handling.

Flask: not checked. A Flask app is a WSGI app without a shutdown event:
its server (gunicorn, waitress, the Cloud Run container's process) stops
the workers on SIGTERM, and the only hooks a Flask service has are
`atexit` handlers and signal handlers, which run outside the app (and
`atexit` not at all when the process is killed). Whether those exist is a
property of the process, not of the app object, so a finding at `Flask()`
could neither be proven nor fixed at that place; the platform's Flask
services close their pools with `atexit.register(close_gcp_clients)` next
to the `__main__` guard or in their gunicorn configuration.

Go: a main package that serves HTTP (`http.ListenAndServe`,
`(*http.Server).ListenAndServe/Serve`, gin/echo `Run`) with no graceful
shutdown — no `signal.Notify` / `signal.NotifyContext` for SIGTERM leading
to `(*http.Server).Shutdown` — followed across the module's packages.

# Why is this bad?

Cloud Run sends SIGTERM and gives a container ten seconds before killing
it. Without a shutdown hook, in-flight requests are cut, pooled connections
and Pub/Sub publishers are dropped without flushing, and the database sees
orphaned sessions.

# Example

	app = FastAPI()

In Go:

	func main() {
		log.Fatal(http.ListenAndServe(":8080", mux))
	}

# Use instead

	app = FastAPI()

	@app.on_event("shutdown")
	async def shutdown():
	    await close_http_client()
	    close_gcp_clients()

In Go:

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080", Handler: mux}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Fatal(err)
	}

# Fix safety

Python: safe — the fix only runs the configured cleanup when the process
stops. A FastAPI app created as `app = FastAPI(...)` (at module level or
in a factory function) gets, right after that statement,

	@app.on_event("shutdown")
	async def shutdown() -> None:
	    await close_http_client()
	    close_gcp_clients()

(`shutdown_<name>` for an app not named `app`), or, when the code base
uses lifespans — some app of the run is created with `lifespan=` and no
code registers startup/shutdown handlers with `on_event`,
`add_event_handler`, `on_startup=` or `on_shutdown=` — and the app has no
startup hook (a lifespan replaces them), an `@asynccontextmanager async
def lifespan(app)` defined before the statement, which yields and then
closes, passed as `lifespan=lifespan`. The calls are the entries of the
`cleanup` option whose module the app's module already imports from
(`from shared.http_client import get_http_client` → `await
close_http_client()`), imported with it (merged into the existing
from-import). A module that imports none of them gets no fix: importing a
pool module there could fail, and nothing of it is open (after XY003's fix
moves a client to a pool, the next round of fixes finds the pool
imported). No fix either for Starlette apps (their lifespan is a
constructor argument and their event decorator is deprecated), apps not
assigned to a plain name in a statement of their own, and files that
already use the handler's or a cleanup's name. With `cleanup = []` there
is no fix.

Go: the fix applies to `http.ListenAndServe(addr, h)` as a statement of
`main` — bare, inside a one-argument call such as `log.Fatal(...)`, or as
`if err := http.ListenAndServe(...); err != nil { ... }` without `return`
— and keeps the original error handling for listen and shutdown errors (a
bare call gets `log.Fatal`). Other shapes, partial setups (a signal but no
Shutdown) and names the new code would shadow get no fix.

# Levels

  - warning: the app's modules leave something open (a client, a pooled
    getter's client, a background task): Cloud Run's SIGTERM cuts its
    connections and work mid-flight — "FastAPI app without shutdown
    handling (...): nothing closes bigquery.Client".
  - note: nothing to close yet — no client, pool or background task in the
    app's modules (clients closed by `async with` do not count): the
    handler is what the next client will need, not a leak today — "FastAPI
    app without shutdown handling (...): nothing to close yet (no client,
    pool or background task in its modules), so a note".
  - Go: a warning (a server without graceful shutdown cuts in-flight
    requests whatever it holds).

# Options

  - `pool-modules` (list, default `["shared.gcp_clients",
    "shared.http_client"]`): dotted modules whose functions hand out pooled
    clients; the message names the ones a module calls (not those whose
    name starts with `close` or `shutdown`).
  - `exclude` (list of path globs, default the test files as in XY003:
    `test_*.py`, `*_test.py`, `conftest.py`, `tests/`): files not looked at.
  - `cleanup` (list, default `["await shared.http_client.close_http_client",
    "shared.gcp_clients.close_gcp_clients"]`; Python fix): the calls the
    shutdown handler makes, as qualified names, `await ` before coroutines
    (shared/http_client.py's `close_http_client` is async,
    shared/gcp_clients.py's `close_gcp_clients` is not). Empty: no fix.
  - Go: none. The check follows calls across the module's packages
    through analysis facts (serving, Shutdown and SIGTERM handling may live
    in different packages).
*/
package missingshutdown
