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
	Module  string
	Symbols map[string]symbol
	// Imports are the module-level imports the file keeps (run) that no
	// symbol shadows: name to the imported qualified name. Not symbols of
	// kind symImport: a symbol is ~300 bytes, and these were most of the
	// rule's facts (4 of 7 MB live on polar's server/).
	Imports  map[string]project.Ref
	Objects  []object
	Routes   []route
	Includes []include
	Hooks    []hook
	// ObjArgs are the calls that pass an app or router to a function
	// (`init_request_processors(app)`), for hooks set up on a parameter.
	ObjArgs []objArg
	// StarImports are the modules the file star-imports (`from .base
	// import *` in a package's __init__): a name it does not define may be
	// one of theirs.
	StarImports []string
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
	symInstance                       // name = Callee(...): Ref is the callee (and Obj, with MaybeObj)
	symObject                         // an app or router: Obj
	symConst                          // NAME = "string": Value
)

type symbol struct {
	Kind     symbolKind
	Ref      project.Ref
	Deps     []dep
	CallDeps []dep
	Obj      int
	// MaybeObj: a symInstance that is also the object Obj, whose class
	// the project phase resolves (an app or router of a subclass).
	MaybeObj bool
	Value    string
	// Consts are a class's string attributes (API_V1_STR: str = "/api/v1"),
	// for prefixes read from a settings object.
	Consts map[string]string
	// A function's decorators, or a Flask class-based view's `decorators =
	// [...]` (refs), and whether its body checks credentials itself: for a
	// view registered with add_url_rule in another module.
	Decos    []project.Ref
	BodyAuth bool
	// Checks: the function rejects the request for its credentials
	// (checksCredentials): what a handler's helper must do to count.
	Checks bool
	// Methods are a Flask class-based view's HTTP methods (its get, post,
	// ... methods), upper case.
	Methods []string
	// AuthDeco: the function is a decorator whose wrapper turns away a
	// caller that is not identified (CTFd's @admins_only).
	AuthDeco bool
	// Callees are the module-level functions the function calls, when it
	// does not check credentials itself: one of them may (followed to a
	// few calls deep).
	Callees []project.Ref
	// CallAuth: the class's __call__ checks credentials itself (an
	// instance used as a dependency: `Depends(WebhookVerifier(secret))`).
	CallAuth bool
	// Scheme: the class derives from a fastapi.security scheme
	// (`class HTTPBearer403(HTTPBearer)`), so an instance of it
	// authenticates.
	Scheme bool
	// Bases are a class's base classes: a class-based view inherits its
	// bases' dependencies, and a subclass of APIRouter or Flask makes
	// routers and apps.
	Bases []project.Ref
	// AttrDeps are the dependencies of a class's attributes (`user: User =
	// Depends(get_current_user)`): FastAPI resolves them for every route
	// of a class-based view (fastapi-utils' @cbv, mealie's @controller).
	AttrDeps []dep
	// InitDeps are the dependencies a class's __init__ passes to its base's
	// (`super().__init__(dependencies=[Depends(get_admin_user)])`): every
	// router of a subclass of APIRouter that does so has them.
	InitDeps []dep
	// ReturnDeps are the dependencies of the function a function defines
	// and returns (a dependency factory: `Depends(require_role("admin"))`),
	// ReturnAuth whether that function checks credentials itself.
	ReturnDeps []dep
	ReturnAuth bool
	// Returns are the bases of a class a function defines and returns (a
	// factory of router classes: `APIRouter = get_api_router_class(...)`).
	Returns []project.Ref
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
	// Kind is the object's kind; 0 when its class is not one of
	// web.Objects: Class is then the class called (a subclass of APIRouter
	// or Flask, or one made by a factory), which the project phase
	// resolves.
	Kind   web.Kind
	Class  project.Ref
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
	// Class is the class whose method the handler is (a class-based view):
	// its attributes' dependencies, and its bases', apply.
	Class project.Ref
	// BodyAuth: the handler checks credentials itself (answers 401/403,
	// or verifies a token).
	BodyAuth bool
	// Callees are the module-level functions the handler calls (when it
	// does not check credentials itself): a helper may.
	Callees []project.Ref
	// Convention says why the handler is public by convention, as only it
	// shows (a login form parameter: unauthenticatedroute.SignIn), or "".
	Convention string
	// FlagGate is the condition (its text) under which alone the handler
	// answers, when it reads a debug or safe-mode flag of the
	// configuration (flagGate), or "".
	FlagGate string `json:",omitempty"`
	// Session says how the handler identifies its caller by a session
	// (`session["cart"]`, `request.cookies.get("session_id")`), or "".
	Session string
	At      lint.Range
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
	// DevOnly is the condition (its text) of an `if` the include is made
	// under when it holds only in development (`if settings.ENVIRONMENT
	// == "local":`), or "".
	DevOnly string
}

// hook is a Flask before_request (or before_app_request) hook, or a
// FastAPI function middleware (@app.middleware("http")).
type hook struct {
	// Obj is the app or blueprint; when it is a parameter of a
	// module-level function (`def init_app(app): @app.before_request ...`),
	// Obj is zero and Func and Param name the function and the
	// parameter's position: the hook is on every object passed there
	// (ObjArgs).
	Func    project.Ref
	Param   int
	Obj     project.Ref
	Rejects bool
	AppWide bool          // before_app_request on a blueprint
	Callees []project.Ref // the functions it calls (an auth check counts as rejecting)
}

// objArg is a call passing an app or router (Obj) as the positional
// argument Index of the function Callee.
type objArg struct {
	Callee project.Ref
	Index  int
	Obj    project.Ref
}
