/*
Package unauthenticatedroute defines XY002 unauthenticated-route: an HTTP
route that can be called without authentication.

# What it does

Python (FastAPI): routes declared with `.get/.post/.put/.patch/.delete/
.options/.head/.api_route/.websocket` decorators on apps and routers,
`add_api_route`, and the call form `router.post("/x")(handler)`, that reach
no configured auth dependency. A route is authenticated when an auth
dependency is reached through its parameters (`Depends(x)`, `Security(x)`,
`Annotated[T, Depends(x)]`, aliases defined in other modules, dependency
classes or functions that themselves depend on auth, transitively), the
decorator's `dependencies=[...]`, its `APIRouter(dependencies=[...])`, every
`include_router(..., dependencies=[...])` chain that mounts it, or
`FastAPI(dependencies=[...])`. Flask: `@app.route` / `@bp.route` /
`@app.get` ... without an auth decorator (`login_required`, `jwt_required`,
`require_api_key`, ...) and without a `before_request` hook that rejects.
The analysis is project-wide: routers, aliases and `include_router` calls
are followed across modules.

Go: routes on net/http (`http.HandleFunc/Handle`, `ServeMux` methods, Go
1.22 patterns such as `"POST /items"`), chi, gin, echo and gorilla/mux that
are not wrapped by a configured auth middleware, directly or through
`Use(...)` on the router or group.

Public paths are allowed by configuration (defaults: `/`, `/health`,
`/healthz`, `/ready`, `/readiness`, `/live`, `/liveness`, `/metrics`,
`/docs`, `/redoc`, `/openapi.json`, `/favicon.ico`). The message names the
method and the full path (prefixes resolved) and where auth could be added;
routes with mutating methods are errors, read-only ones warnings.

# Why is this bad?

Every route of a platform service can reach data or spend money (AI
endpoints cost per call). A route added without the shared API-key
dependency is open to the internet the moment it is deployed to Cloud Run.

# Example

	@router.post("/campaigns")
	async def create_campaign(body: Campaign): ...

# Use instead

	from shared.auth import verify_api_key

	@router.post("/campaigns", dependencies=[Depends(verify_api_key)])
	async def create_campaign(body: Campaign): ...

# Fix safety

Unsafe: adding `dependencies=[Depends(verify_api_key)]` (configurable) to
the route, or to its `APIRouter(...)` when none of its routes is
authenticated, makes callers without a key fail.

# Options

  - `auth-dependencies` (list): names or qualified names that count as auth.
    Default: anything imported from a module named `auth`, `verify_api_key`,
    `get_api_key`, `require_api_key`, `get_current_user`,
    `get_current_active_user`, `verify_token` and the `fastapi.security`
    schemes.
  - `auth-decorators` (list): Flask decorators that count as auth.
  - `public-paths` (list): paths that need no auth.
*/
package unauthenticatedroute
