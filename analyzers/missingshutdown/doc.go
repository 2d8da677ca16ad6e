/*
Package missingshutdown defines XY006 missing-shutdown: a service that does
not clean up when its container is stopped.

# What it does

Python: a root ASGI application (`FastAPI()` / `Starlette()`, also built in
a factory function) with no shutdown handling — no
`@app.on_event("shutdown")`, `add_event_handler("shutdown", ...)`,
`lifespan=` (any expression) or `on_shutdown=[...]`. Apps passed to
`app.mount()` are sub-apps, not roots. The message lists what the module
leaves open (pooled or direct clients it builds).

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

# Use instead

	app = FastAPI()

	@app.on_event("shutdown")
	async def shutdown():
	    await close_http_client()
	    close_gcp_clients()

# Fix safety

Safe when the configuration names the cleanup: a shutdown handler (or a
lifespan where the code base uses lifespans) that calls the configured
cleanup functions is added after the app is created. In Go, a plain
`http.ListenAndServe(addr, h)` in `main` becomes an `http.Server` with
`signal.NotifyContext` and `Shutdown`.

# Options

  - `cleanup` (list): calls (with their imports) that the added handler makes.
*/
package missingshutdown
