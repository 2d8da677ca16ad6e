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

Safe when the configuration names the cleanup: a shutdown handler (or a
lifespan where the code base uses lifespans) that calls the configured
cleanup functions is added after the app is created. In Go, a plain
`http.ListenAndServe(addr, h)` in `main` becomes an `http.Server` with
`signal.NotifyContext` and `Shutdown`.

Go: the fix applies to `http.ListenAndServe(addr, h)` as a statement of
`main` — bare, inside a one-argument call such as `log.Fatal(...)`, or as
`if err := http.ListenAndServe(...); err != nil { ... }` without `return`
— and keeps the original error handling for listen and shutdown errors (a
bare call gets `log.Fatal`). Other shapes, partial setups (a signal but no
Shutdown) and names the new code would shadow get no fix.

# Options

  - `cleanup` (list): calls (with their imports) that the added handler makes.
  - Go: none. The check follows calls across the module's packages
    through analysis facts (serving, Shutdown and SIGTERM handling may live
    in different packages).
*/
package missingshutdown
