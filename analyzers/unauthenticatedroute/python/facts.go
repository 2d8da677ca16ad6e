package python

import (
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/web"
)

// A file's pass exports one *fileFact: the apps, routers and routes it
// declares, the include_router/mount/register_blueprint calls it makes, its
// Flask before_request hooks, and the module-level names the project phase
// may have to follow (dependency functions and classes, Annotated aliases,
// scheme instances, re-exporting imports). Names in facts are typed
// references (project.Ref): an imported name, a module-level name of the
// file, one of the file's objects (an app or router local to a function),
// a name the file does not bind (a builtin, a star import); an attribute
// of one ("settings.API_V1_STR"), or what calling it returns
// ("fastapi.security.HTTPBearer()").
type fileFact struct {
	Module   string
	Symbols  map[string]symbol
	Objects  []object
	Routes   []route
	Includes []include
	Hooks    []hook
	// DynamicIncludes counts include_router/register_blueprint calls whose
	// router could not be named (a loop over a computed list, a function's
	// parameter): routers never seen included may be included there.
	DynamicIncludes int
}

// PyFact marks fileFact as the rule's fact (pyanalysis.Fact).
func (*fileFact) PyFact() {}

type symbolKind uint8

const (
	symImport   symbolKind = iota + 1 // Ref: the imported qualified name
	symRef                            // name = other name: Ref
	symAlias                          // Annotated[T, Depends(x)] or Depends(x): Deps
	symFunc                           // def: Deps of its parameters, Decos, BodyAuth
	symClass                          // class: Deps of __init__, CallDeps of __call__; a view's Decos, BodyAuth, Methods
	symInstance                       // name = Callee(...): Ref is the callee
	symObject                         // an app or router: Obj
	symConst                          // NAME = "string": Value
)

type symbol struct {
	Kind     symbolKind
	Ref      project.Ref
	Deps     []dep
	CallDeps []dep
	Obj      int
	Value    string
	// Consts are a class's string attributes (API_V1_STR: str = "/api/v1"),
	// for prefixes read from a settings object.
	Consts map[string]string
	// A function's decorators, or a Flask class-based view's `decorators =
	// [...]` (refs), and whether its body checks credentials itself: for a
	// view registered with add_url_rule in another module.
	Decos    []project.Ref
	BodyAuth bool
	// Methods are a Flask class-based view's HTTP methods (its get, post,
	// ... methods), upper case.
	Methods []string
	// Scheme: the class derives from a fastapi.security scheme
	// (`class HTTPBearer403(HTTPBearer)`), so an instance of it
	// authenticates.
	Scheme bool
}

// prefix is a path prefix: a literal, or an expression the project phase
// may resolve to a string constant (settings.API_V1_STR).
type prefix struct {
	Lit  string
	Ref  project.Ref // when not a literal
	Text string      // the expression's text, shown when Ref does not resolve
}

// dep is one dependency: FastAPI calls Ref (Depends(Ref)), or, for Type,
// Ref is a parameter's annotation, which only matters when it names an
// Annotated alias.
type dep struct {
	Ref  project.Ref
	Type bool
}

// object is an app, router or blueprint.
type object struct {
	Kind   web.Kind
	Name   string // the variable ("router"), for messages
	Line   int
	Prefix prefix // APIRouter(prefix=), Blueprint(url_prefix=)
	Deps   []dep  // FastAPI(dependencies=), APIRouter(dependencies=)
	// Fix adds the auth dependency to APIRouter(...) (fix.go), or nil.
	Fix *lint.Fix
}

// route is one route: a decorator, add_api_route, add_url_rule or the call
// form.
type route struct {
	Obj     project.Ref // the app or router
	Methods []string    // upper case; "WEBSOCKET" for websockets
	Path    string
	Deps    []dep       // the decorator's dependencies= and the handler's parameters
	Handler project.Ref // the handler when it is not declared here
	// ViewMethods: the methods are the handler's, a class-based view
	// defined in another module (add_url_rule without methods=).
	ViewMethods bool
	Decos       []project.Ref // the handler's other decorators (Flask auth)
	// BodyAuth: the handler checks credentials itself (answers 401/403,
	// or verifies a token).
	BodyAuth bool
	// Convention says why the handler is public by convention, as only it
	// shows (a login form parameter: unauthenticatedroute.SignIn), or "".
	Convention string
	At         lint.Range
	// Fix adds the auth dependency to the route (FastAPI), FlaskFix the
	// auth decorator to its view (fix.go); nil when there is none.
	Fix, FlaskFix *lint.Fix
	// Suppressed: a comment suppresses the route's finding (`# noqa:
	// XY002` on a webhook that must stay open), so the router's fix, which
	// would protect it too, is not offered.
	Suppressed bool
}

type includeKind uint8

const (
	includeRouter includeKind = iota + 1 // include_router: prefix and dependencies apply
	mountApp                             // mount: prefix only (a sub-app keeps its own dependencies)
	registerBlueprint
)

// include mounts Child on Parent.
type include struct {
	Kind          includeKind
	Parent, Child project.Ref
	Prefix        prefix
	Deps          []dep
	Line          int
}

// hook is a Flask before_request (or before_app_request) hook.
type hook struct {
	Obj     project.Ref
	Rejects bool
	AppWide bool          // before_app_request on a blueprint
	Callees []project.Ref // the functions it calls (an auth check counts as rejecting)
}
