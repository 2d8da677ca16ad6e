// Package web is the vocabulary of the Python web frameworks the platform's
// services are written with — FastAPI, Starlette, Flask (and Quart, whose
// decorators are Flask's), and Cloud Functions' functions_framework — as
// the rules that look at services need it: the classes that make apps and
// routers, the decorators and calls that register routes with their HTTP
// methods, FastAPI's dependency markers and security schemes, middleware
// and error handlers, lifespans and startup, shutdown and per-request
// hooks, mounts, and the functions a framework calls per request (entry
// points: Entry, Registrations). XY002, XY003 and XY006 read it; a rule
// that needs a word of these frameworks takes it from here, and a word one
// rule learns every rule knows.
package web

import (
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Kind is the kind of object an app or router class makes.
type Kind uint8

const (
	FastAPIApp Kind = iota + 1
	FastAPIRouter
	FlaskApp
	FlaskBlueprint
	StarletteApp
)

// Objects are the classes that make apps and routers, by qualified name.
var Objects = map[string]Kind{
	"fastapi.FastAPI":                  FastAPIApp,
	"fastapi.applications.FastAPI":     FastAPIApp,
	"fastapi.APIRouter":                FastAPIRouter,
	"fastapi.routing.APIRouter":        FastAPIRouter,
	"flask.Flask":                      FlaskApp,
	"flask.app.Flask":                  FlaskApp,
	"flask.Blueprint":                  FlaskBlueprint,
	"flask.blueprints.Blueprint":       FlaskBlueprint,
	"starlette.applications.Starlette": StarletteApp,
}

// Framework names the kind's framework as messages say it: "FastAPI",
// "Flask" or "Starlette".
func (k Kind) Framework() string {
	switch k {
	case FastAPIApp, FastAPIRouter:
		return "FastAPI"
	case FlaskApp, FlaskBlueprint:
		return "Flask"
	case StarletteApp:
		return "Starlette"
	}
	return ""
}

// ASGIApp reports whether k makes an ASGI application (FastAPI(),
// Starlette()): what a server runs, and what a lifespan shuts down.
func (k Kind) ASGIApp() bool { return k == FastAPIApp || k == StarletteApp }

// Flask reports whether k is a Flask app or blueprint.
func (k Kind) Flask() bool { return k == FlaskApp || k == FlaskBlueprint }

// StarImported are the classes a file that star-imports its framework
// names without a binding the resolver sees, by the name written.
var StarImported = map[string]string{
	"FastAPI":   "fastapi.FastAPI",
	"Starlette": "starlette.applications.Starlette",
	"Mount":     "starlette.routing.Mount",
}

// Mounts are the classes that mount an app inside another one (Starlette's
// and FastAPI's Mount, Starlette's Host); their second argument (app=) is
// the mounted app. The methods that do the same on an app are
// MountMethods.
var Mounts = map[string]bool{
	"starlette.routing.Mount": true, "fastapi.routing.Mount": true,
	"starlette.routing.Host": true,
}

// MountMethods mount an app inside another: app.mount(path, sub),
// app.host(host, sub).
var MountMethods = []string{"mount", "host"}

// IncludeMethods include a router or blueprint in an app (its routes
// served under the app): FastAPI's include_router(router, prefix=,
// dependencies=) and Flask's register_blueprint(blueprint, url_prefix=).
var IncludeMethods = []string{"include_router", "register_blueprint"}

// RouteDecorators are the methods of FastAPI, Starlette, Flask and Quart
// apps and routers whose call decorates a function as a route handler
// (`@app.get("/x")`), with the HTTP method they declare: "" when methods=
// says (api_route, route; GET when it does not), "WEBSOCKET" for
// websockets.
var RouteDecorators = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE",
	"options": "OPTIONS", "head": "HEAD", "trace": "TRACE",
	"api_route": "", "route": "", "websocket": "WEBSOCKET", "websocket_route": "WEBSOCKET",
}

// A Registration is a method that registers an endpoint it is given as an
// argument, rather than one it decorates.
type Registration struct {
	// Method is the HTTP method the route serves ("" when methods= says;
	// "WEBSOCKET" for websockets).
	Method string
	// Arg and Keyword are where the endpoint is: the positional argument
	// Arg, or the keyword argument Keyword.
	Arg     int
	Keyword string
	// Dependencies: the route runs FastAPI's dependency injection (its
	// dependencies= and the endpoint's Depends parameters apply).
	Dependencies bool
}

// RouteRegistrations are the methods of apps and routers that register a
// route for an endpoint given as an argument.
var RouteRegistrations = map[string]Registration{
	"add_api_route":           {Arg: 1, Keyword: "endpoint", Dependencies: true},
	"add_api_websocket_route": {Method: "WEBSOCKET", Arg: 1, Keyword: "endpoint", Dependencies: true},
	"add_route":               {Arg: 1, Keyword: "endpoint"},
	"add_websocket_route":     {Method: "WEBSOCKET", Arg: 1, Keyword: "endpoint"},
	"add_url_rule":            {Arg: 2, Keyword: "view_func"},
}

// RouteClasses are the classes whose instance is a route for the endpoint
// they are given (second argument, endpoint=): Starlette's Route and
// WebSocketRoute, FastAPI's APIRoute (named so, from the starlette or
// fastapi packages).
var RouteClasses = []string{"Route", "WebSocketRoute", "APIRoute"}

// FlaskViewMethods are the handler methods of a Flask class-based view
// (MethodView), upper case.
var FlaskViewMethods = map[string]bool{"GET": true, "POST": true, "PUT": true, "PATCH": true, "DELETE": true, "HEAD": true, "OPTIONS": true}

// DependsMarkers are FastAPI's dependency markers: Depends(f) and
// Security(f) make FastAPI call f for every request of the route.
var DependsMarkers = []string{
	"fastapi.Depends", "fastapi.Security", "fastapi.params.Depends", "fastapi.params.Security",
	"fastapi.param_functions.Depends", "fastapi.param_functions.Security",
}

// IsDepends reports whether q (qualified) is one of DependsMarkers.
func IsDepends(q string) bool { return slices.Contains(DependsMarkers, q) }

// Schemes are fastapi.security's authentication schemes: a dependency on
// one (or on an instance of one) authenticates. Its credential models and
// the login form are not schemes.
var Schemes = map[string]bool{
	"HTTPBearer": true, "HTTPBasic": true, "HTTPDigest": true, "HTTPBase": true,
	"OAuth2": true, "OAuth2PasswordBearer": true, "OAuth2AuthorizationCodeBearer": true,
	"OpenIdConnect": true, "APIKeyHeader": true, "APIKeyQuery": true, "APIKeyCookie": true,
}

// IsScheme reports whether q (qualified) names one of Schemes.
func IsScheme(q string) bool {
	return strings.HasPrefix(q, "fastapi.security.") && Schemes[q[strings.LastIndexByte(q, '.')+1:]]
}

// RequestHooks are Flask's per-request hooks, used as bare decorators
// (`@app.before_request`): true for those that run before the view and so
// can answer in its stead (before_request on an app or blueprint,
// before_app_request on a blueprint for the whole app).
var RequestHooks = map[string]bool{
	"before_request": true, "before_app_request": true, "after_request": false,
	"after_app_request": false, "teardown_request": false, "teardown_appcontext": false,
}

// Lifecycle: the arguments and methods that give an app code to run at
// startup and shutdown.
const (
	// Lifespan is FastAPI's and Starlette's lifespan= (an async context
	// manager around the app's life); OnStartup and OnShutdown their lists
	// of hooks.
	Lifespan   = "lifespan"
	OnStartup  = "on_startup"
	OnShutdown = "on_shutdown"
	// LifespanContext is the router attribute a lifespan can be assigned
	// to after the app is made (app.router.lifespan_context = ...).
	LifespanContext = "lifespan_context"
	// Startup and Shutdown are the event types of the older events API.
	Startup  = "startup"
	Shutdown = "shutdown"
	// BeforeFirstRequest is Flask's (removed in 2.3) startup hook.
	BeforeFirstRequest = "before_first_request"
)

// EventMethods register a handler for an event type of the older events
// API: @app.on_event("shutdown"), app.add_event_handler("startup", f).
var EventMethods = []string{"on_event", "add_event_handler"}

// Middleware is the decorator of FastAPI's function middleware
// (@app.middleware("http")); ErrorHandlers are FastAPI's and Flask's
// exception handler decorators. Both run per request.
const Middleware = "middleware"

// ErrorHandlers: see Middleware.
var ErrorHandlers = []string{"exception_handler", "errorhandler"}

// FunctionsFramework is the package of Cloud Functions' decorators
// (@functions_framework.http, .cloud_event).
const FunctionsFramework = "functions_framework"

// isFunctionsFramework reports whether n resolves into FunctionsFramework.
func isFunctionsFramework(r *names.Resolver, n syntax.Node) bool {
	q, ok := r.QualifiedName(n)
	return ok && strings.HasPrefix(q, FunctionsFramework+".")
}

// isMockObject: `@mock.patch("x")` is not a PATCH route.
func isMockObject(r *names.Resolver, obj syntax.Node) bool {
	q, ok := r.QualifiedName(obj)
	return ok && (q == "mock" || strings.HasSuffix(q, ".mock") || strings.HasPrefix(q, "mock.") || strings.Contains(q, ".mock."))
}
