/*
Package wildcardcors defines XY001 wildcard-cors: a CORS policy that lets
every web origin call the service.

# What it does

Python: FastAPI/Starlette `CORSMiddleware` whose `allow_origins` contains
`"*"` (a list, tuple or string, directly or through a variable or constant —
also one imported from another module — or an environment lookup whose
default is `"*"`), or whose `allow_origin_regex` matches every origin (`.*`,
`.+`, `^.*$`, ...); flask-cors `CORS(app)` / `@cross_origin()` without
`origins` (its default is every origin) or with `origins` / `resources`
containing `"*"`; raw `Access-Control-Allow-Origin: *` headers; Django's
`CORS_ALLOW_ALL_ORIGINS = True`, `CORS_ORIGIN_ALLOW_ALL = True` or `"*"` in
`CORS_ALLOWED_ORIGINS`. The finding is an error when credentials are also
allowed (`allow_credentials=True`, `supports_credentials=True`).

Not reported: `"*"` in `allow_methods` / `allow_headers`, origins read from
settings, and Content-Security-Policy directives that contain `*`.

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

Unsafe: the wildcard is replaced by the configured origins source (by
default the `ALLOWED_ORIGINS` environment variable), which changes which
browsers may call the service.

Go: no fix; the finding is a warning, or an error when credentials are
also allowed (`AllowCredentials: true`, or an
`Access-Control-Allow-Credentials: true` header set in the same function).

# Options

  - `origins-expression` / `origins-import`: the expression (and its import)
    that replaces the wildcard.
  - Go: none.
*/
package wildcardcors
