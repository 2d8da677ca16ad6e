package unauthenticatedroute

import (
	"path/filepath"

	"github.com/xynergy/xylint/internal/deploy"
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/xynergy/xylint/internal/goanalysis"
)

// Go is the rule's Go side, for the registry (analyzers.Go): its analyzer
// reads public-paths and the GoOptions (auth-middleware), which are also
// vet flags and golangci-lint settings.
var Go = goanalysis.NewRule(Rule, OptionsSpec, goanalysis.Def[*Config]{
	Name:     "unauthenticatedroute",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      run,
})

// Analyzer is XY002 unauthenticated-route for Go with the default options;
// its flags (-unauthenticatedroute.auth-middleware, .public-paths) change them.
var Analyzer = Go.Analyzer

// Router packages.
const (
	netHTTP = "net/http"
	chiV5   = "github.com/go-chi/chi/v5"
	chiV1   = "github.com/go-chi/chi"
	ginPkg  = "github.com/gin-gonic/gin"
	echoV4  = "github.com/labstack/echo/v4"
	echoV3  = "github.com/labstack/echo"
	muxPkg  = "github.com/gorilla/mux"
)

// A router is what routes are registered on: a ServeMux, a chi/gin/echo/
// gorilla router or one of their groups. Auth reaches a route through the
// router's own middleware (Use, group middleware, With), a router it
// descends from, or a wrapper around the whole router (auth(mux)).
type router struct {
	prefix string
	auth   bool // middleware given where the router was made
	key    varKey
	parent *router
}

// varKey is one value of a variable: the variable, and how many of its
// assignments come before the use (0: its declaration without a value, or
// a parameter). `sub = sub.PathPrefix("").Subrouter()` then `sub.Use(auth)`
// protects the routes of the new router, not those registered on the
// previous one.
type varKey struct {
	obj types.Object
	ver int
}

type checker struct {
	pass *goanalysis.Pass
	info *types.Info
	opts *Config
	defs goanalysis.Definitions
	// assigns are each variable's assignments, in the order of the text.
	assigns map[types.Object][]assignment
	routers map[varKey]*router
	// protected: router values that Use(auth) or are wrapped in auth.
	protected map[varKey]bool
	// paramArgs: router-typed parameters → arguments at the package's call sites.
	paramArgs map[types.Object][]ast.Expr
	// funcParams: the parameter objects of each declared function, for
	// chi's Route/Group(fn) given a named function.
	decls    map[types.Object]*ast.FuncDecl
	visiting map[types.Object]bool
}

func run(pass *goanalysis.Pass, opts *Config) error {
	c := &checker{
		pass: pass, info: pass.TypesInfo, opts: opts,
		defs:      goanalysis.NewDefinitions(pass.TypesInfo, pass.Files),
		assigns:   map[types.Object][]assignment{},
		routers:   map[varKey]*router{},
		protected: map[varKey]bool{},
		paramArgs: map[types.Object][]ast.Expr{},
		decls:     map[types.Object]*ast.FuncDecl{},
		visiting:  map[types.Object]bool{},
	}
	skip := func(f *ast.File) bool { return goanalysis.IsTestFile(pass.Pass, f) || goanalysis.IsGenerated(f) }
	var files []*ast.File
	for _, f := range pass.Files {
		if !skip(f) {
			files = append(files, f)
		}
	}
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				c.decls[c.info.Defs[fd.Name]] = fd
			}
		}
		c.recordAssignments(f)
	}
	// First the facts about routers, wherever they are in the package:
	// middleware can be added after routes (echo, gorilla apply it to all).
	for _, learn := range []func(*ast.CallExpr){c.learnArgs, c.learn} {
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					learn(call)
				}
				return true
			})
		}
	}
	goanalysis.WithStack(pass.Pass, skip, func(n ast.Node, stack []ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			c.route(call, stack)
		}
		return true
	})
	return nil
}

// An assignment gives a variable the value of an expression from a
// position on (the end of the statement: the right side of `sub =
// sub.PathPrefix("").Subrouter()` still reads the previous value).
type assignment struct {
	at    token.Pos
	value ast.Expr
}

// recordAssignments indexes the assignments of f's variables (:=, =, var
// with values), for reading a variable's value where it is used.
func (c *checker) recordAssignments(f *ast.File) {
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						c.addAssignment(id, n.End(), n.Rhs[i])
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Values) == len(n.Names) {
				for i, id := range n.Names {
					c.addAssignment(id, n.End(), n.Values[i])
				}
			}
		}
		return true
	})
}

func (c *checker) addAssignment(id *ast.Ident, at token.Pos, value ast.Expr) {
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	if v, ok := obj.(*types.Var); ok && !v.IsField() {
		c.assigns[v] = append(c.assigns[v], assignment{at: at, value: value})
	}
}

// keyOf is the value of the variable e names where e is: the variable and
// the number of its assignments before e (assignments are in the order of
// the text; branches and loops are not told apart). A field or a
// package's variable is one value.
func (c *checker) keyOf(e ast.Expr) (varKey, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj := c.info.ObjectOf(e)
		if obj == nil {
			return varKey{}, false
		}
		ver := 0
		for _, a := range c.assigns[obj] {
			if a.at <= e.Pos() {
				ver++
			}
		}
		return varKey{obj, ver}, true
	case *ast.SelectorExpr:
		if obj := c.info.ObjectOf(e.Sel); obj != nil {
			return varKey{obj, 0}, true
		}
	}
	return varKey{}, false
}

// valueOf is the expression the variable's value k was assigned, or nil.
func (c *checker) valueOf(k varKey) ast.Expr {
	if as := c.assigns[k.obj]; k.ver > 0 && k.ver <= len(as) {
		return as[k.ver-1].value
	}
	return nil
}

// resolve follows e through variables to the expression that gave it its
// value where it is used (a few steps), or returns e.
func (c *checker) resolve(e ast.Expr) ast.Expr {
	for range 4 {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			break
		}
		k, ok := c.keyOf(id)
		if !ok {
			break
		}
		v := c.valueOf(k)
		if v == nil {
			break
		}
		e = v
	}
	return ast.Unparen(e)
}

// learn records Use(auth) on routers, auth wrapped around router
// variables, chi Route/Group sub-routers and router arguments.
func (c *checker) learn(call *ast.CallExpr) {
	fn := goanalysis.Callee(c.info, call)
	if fn == nil {
		return
	}
	recv := receiver(call)
	switch {
	case isRouterMethod(fn, "Use") && recv != nil:
		for _, mw := range call.Args {
			if c.wrapsAuth(mw) {
				if k, ok := c.keyOf(recv); ok {
					c.protected[k] = true
				}
			}
		}
	case isChi(fn) && (fn.Name() == "Route" || fn.Name() == "Group") && recv != nil:
		parent := c.routerOf(recv)
		prefix := parent.prefix
		var fnArg ast.Expr
		if fn.Name() == "Route" && len(call.Args) == 2 {
			p, _ := goanalysis.StringValue(c.info, call.Args[0])
			prefix = joinPath(prefix, p)
			fnArg = call.Args[1]
		} else if fn.Name() == "Group" && len(call.Args) == 1 {
			fnArg = call.Args[0]
		}
		if param := c.firstParam(fnArg); param != nil {
			k := varKey{param, 0}
			c.routers[k] = &router{prefix: prefix, key: k, parent: parent}
		}
	case c.isAuthFunc(fn):
		// auth(mux): every route of mux is behind auth.
		for _, arg := range call.Args {
			ast.Inspect(arg, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if _, ok := c.info.Uses[id].(*types.Var); ok {
						if k, ok := c.keyOf(id); ok {
							c.protected[k] = true
						}
					}
				}
				return true
			})
		}
	}
}

// learnArgs records the router arguments of calls to the package's own
// functions (registerRoutes(r)), before anything evaluates a router.
func (c *checker) learnArgs(call *ast.CallExpr) {
	fd := c.decls[goanalysis.Callee(c.info, call)]
	if fd == nil {
		return
	}
	params := paramObjects(c.info, fd)
	for i, arg := range call.Args {
		if i < len(params) && params[i] != nil && c.isRouterType(params[i].Type()) {
			c.paramArgs[params[i]] = append(c.paramArgs[params[i]], arg)
		}
	}
}

// route reports one route registration that no auth reaches.
func (c *checker) route(call *ast.CallExpr, stack []ast.Node) {
	fn := goanalysis.Callee(c.info, call)
	if fn == nil {
		return
	}
	r, methods, pattern, handlers, ok := c.registration(call, fn, stack)
	if !ok {
		return
	}
	pat, known := goanalysis.StringValue(c.info, pattern)
	if !known {
		// baseURL + "/cart": a configured prefix before a literal path.
		// The literal decides whether the route is public; the message
		// shows the prefix as written.
		bin, ok := ast.Unparen(pattern).(*ast.BinaryExpr)
		if !ok || bin.Op != token.ADD {
			return // a computed path: nothing to say about it
		}
		suffix, ok := goanalysis.StringValue(c.info, bin.Y)
		if !ok || c.isPublic(methods, joinPath("", suffix)) {
			return
		}
		pat = "{" + goanalysis.Src(c.pass.Pass, bin.X) + "}" + suffix
	}
	if m, p, found := strings.Cut(pat, " "); found && fn.Pkg().Path() == netHTTP || found && isChi(fn) {
		methods, pat = []string{strings.ToUpper(m)}, strings.TrimSpace(p)
	}
	if fn.Pkg().Path() == netHTTP {
		// Go 1.22 patterns may name a host: "example.com/items".
		if i := strings.Index(pat, "/"); i > 0 {
			pat = pat[i:]
		}
	}
	if len(methods) == 0 {
		methods = []string{"ANY"}
	}
	full := joinPath(r.prefix, pat)
	if c.isPublic(methods, full) {
		return
	}
	if full == "/" && methods[0] == "ANY" && len(handlers) == 1 && (c.servesPage(handlers[0]) || c.handlerKind(handlers[0]) == fileServer) {
		// A handler at / that reads nothing from the request (a page, a
		// file server) answers any method as it answers GET: the landing
		// page `GET,HEAD /` makes public.
		if c.isPublic([]string{"GET", "HEAD"}, full) {
			return
		}
	}
	convention := ""
	for _, h := range handlers {
		if c.wrapsAuth(h) || c.bodyAuth(h) {
			return
		}
		switch c.handlerKind(h) {
		case notEndpoint:
			return
		case fileServer:
			convention = Static
		}
	}
	if c.routerAuth(r) {
		return
	}
	v := c.opts.Judge(methods, full, convention)
	if !v.Note {
		if e := deploy.Default.PlatformAuth(filepath.Dir(c.pass.Fset.File(call.Pos()).Name())); e != nil {
			v = Deployed(e.File, e.What)
		}
	}
	if !v.Note && len(handlers) > 0 {
		if how := c.sessionScope(handlers[len(handlers)-1]); how != "" {
			v = SessionScoped(v, methods, how)
		}
	}
	advice := "; wrap its handler in an auth middleware or Use(...) one on its router"
	if v.Note {
		advice = ""
	}
	c.pass.ReportLevel(v.Level, call.Pos(), call.End(),
		strings.Join(methods, ",")+" "+full+" is reachable without authentication"+advice+"; "+v.Why, nil)
}

// A handler is an endpoint, or what serves no endpoint of its own.
type handlerKind uint8

const (
	endpoint    handlerKind = iota
	notEndpoint             // http.NotFoundHandler(), a redirect
	fileServer              // http.FileServer(...), also under http.StripPrefix
)

// handlerKind tells the handlers that are no endpoint — http.NotFoundHandler(),
// http.NotFound, http.RedirectHandler(...), a function whose body only
// redirects — and file servers from endpoints.
func (c *checker) handlerKind(h ast.Expr) handlerKind {
	if t := c.info.TypeOf(h); t != nil && c.isRouterType(t) {
		return notEndpoint // mux.Handle("/", r) with r := mux.NewRouter(): decided before resolving r to its value
	}
	h = c.resolve(h)
	switch e := h.(type) {
	case *ast.CallExpr:
		fn := goanalysis.Callee(c.info, e)
		if c.servesRouter(e) {
			return notEndpoint
		}
		switch {
		case goanalysis.IsFunc(fn, netHTTP, "NotFoundHandler", "RedirectHandler"):
			return notEndpoint
		case goanalysis.IsFunc(fn, netHTTP, "FileServer", "FileServerFS"):
			return fileServer
		case goanalysis.IsFunc(fn, netHTTP, "StripPrefix", "HandlerFunc") && len(e.Args) > 0:
			return c.handlerKind(e.Args[len(e.Args)-1])
		}
	case *ast.FuncLit:
		return bodyKind(c.info, e.Body)
	case *ast.Ident, *ast.SelectorExpr:
		switch obj := c.objOf(e).(type) {
		case *types.Var:
			if c.isRouterType(obj.Type()) {
				return notEndpoint // mux.Handle("/", r): the router's routes are checked where they are added
			}
		case *types.Func:
			if goanalysis.IsFunc(obj, netHTTP, "NotFound") {
				return notEndpoint
			}
			if fd := c.decls[obj]; fd != nil && fd.Body != nil {
				return bodyKind(c.info, fd.Body)
			}
		}
	}
	return endpoint
}

// servesPage reports whether the handler h (a function of the package, a
// function literal, or what a function of the package returns) reads
// nothing from its request but its URL, headers and context: no body, no
// form, no method, and does not hand the request on.
func (c *checker) servesPage(h ast.Expr) bool {
	lit := c.handlerFunc(h, 0)
	if lit == nil || lit.Params == nil || len(lit.Params.List) != 2 || len(lit.Params.List[1].Names) != 1 {
		return false
	}
	req := c.info.Defs[lit.Params.List[1].Names[0]]
	if req == nil {
		return true // the request is not named: nothing reads it
	}
	page := true
	goanalysis.WalkStack(lit.Body, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || c.info.Uses[id] != req || !page {
			return page
		}
		if len(stack) >= 2 {
			if sel, ok := stack[len(stack)-2].(*ast.SelectorExpr); ok && sel.X == id {
				switch sel.Sel.Name {
				case "URL", "Header", "Context", "Host", "RemoteAddr", "RequestURI", "Proto", "UserAgent", "Referer", "Cookie", "TLS":
					return true
				}
				page = false
				return false
			}
			if call, ok := stack[len(stack)-2].(*ast.CallExpr); ok {
				if goanalysis.IsFunc(goanalysis.Callee(c.info, call), netHTTP, "Redirect", "NotFound", "ServeFile", "Error") {
					return true
				}
			}
		}
		page = false // handed on: it may read the body
		return false
	})
	return page
}

// sessionScope says how the handler h identifies its caller by a session,
// or "": its body reads a session cookie (`r.Cookie("session-id")`, a
// name holding "session" or "sid") or calls a function whose name speaks
// of a session ID with its parameters (`sessionID(r)`,
// `getSessionID(r.Context())`): what it does is
// scoped to the caller's own session. h is a function literal or a
// function or method of the package (`svc.emptyCartHandler`).
func (c *checker) sessionScope(h ast.Expr) string {
	var ft *ast.FuncType
	var body *ast.BlockStmt
	switch e := c.resolve(h).(type) {
	case *ast.FuncLit:
		ft, body = e.Type, e.Body
	case *ast.Ident, *ast.SelectorExpr:
		if fd := c.decls[c.objOf(e)]; fd != nil {
			ft, body = fd.Type, fd.Body
		}
	}
	if body == nil || ft.Params == nil {
		return ""
	}
	params := map[types.Object]bool{}
	for _, f := range ft.Params.List {
		for _, n := range f.Names {
			if o := c.info.Defs[n]; o != nil {
				params[o] = true
			}
		}
	}
	usesParam := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && params[c.info.Uses[id]] {
				found = true
			}
			return !found
		})
		return found
	}
	sessionWord := func(s string) bool {
		s = strings.ToLower(s)
		return strings.Contains(s, "session") || s == "sid" || strings.HasPrefix(s, "sid_") || strings.HasSuffix(s, "_sid")
	}
	how := ""
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || how != "" {
			return how == ""
		}
		fn := goanalysis.Callee(c.info, call)
		if fn == nil {
			return true
		}
		if goanalysis.IsMethod(fn, netHTTP, "Request", "Cookie") && len(call.Args) == 1 {
			if name, ok := goanalysis.StringValue(c.info, call.Args[0]); ok && sessionWord(name) {
				how = goanalysis.Src(c.pass.Pass, call)
			}
			return true
		}
		if name := strings.ToLower(fn.Name()); !strings.Contains(name, "sessionid") && !strings.Contains(name, "session_id") {
			// A session's ID keys the caller's own state; a session object
			// (gorilla's store.Get) may hold only a CSRF nonce or a login.
			return true
		}
		for _, a := range call.Args {
			if usesParam(a) {
				how = goanalysis.Src(c.pass.Pass, call)
				break
			}
		}
		return true
	})
	return how
}

// funcShape is a function's parameters and body, declared or literal.
type funcShape struct {
	Params *ast.FieldList
	Body   *ast.BlockStmt
}

// handlerFunc is the function h serves: a function literal, a function of
// the package, the function literal a function of the package returns
// (a handler factory), through http.HandlerFunc(...).
func (c *checker) handlerFunc(h ast.Expr, depth int) *funcShape {
	if depth > 3 {
		return nil
	}
	switch e := c.resolve(h).(type) {
	case *ast.FuncLit:
		return &funcShape{e.Type.Params, e.Body}
	case *ast.Ident, *ast.SelectorExpr:
		if fd := c.decls[c.objOf(e)]; fd != nil && fd.Body != nil && fd.Recv == nil {
			return &funcShape{fd.Type.Params, fd.Body}
		}
	case *ast.CallExpr:
		fn := goanalysis.Callee(c.info, e)
		if goanalysis.IsFunc(fn, netHTTP, "HandlerFunc") && len(e.Args) == 1 {
			return c.handlerFunc(e.Args[0], depth+1)
		}
		if fd := c.decls[fn]; fd != nil && fd.Body != nil && len(fd.Body.List) > 0 {
			if ret, ok := fd.Body.List[len(fd.Body.List)-1].(*ast.ReturnStmt); ok && len(ret.Results) == 1 {
				if lit, ok := ast.Unparen(ret.Results[0]).(*ast.FuncLit); ok {
					return &funcShape{lit.Type.Params, lit.Body}
				}
			}
		}
	}
	return nil
}

// servesRouter reports whether a wrapping call's arguments hold a router
// (`mux.Handle("/", middleware.MutateMethod()(r))`): it mounts the router,
// whose routes are checked where they are added.
func (c *checker) servesRouter(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if t := c.info.TypeOf(a); t != nil && c.isRouterType(t) {
			return true // handlers.CombinedLoggingHandler(w, r) with r := mux.NewRouter()
		}
		a = c.resolve(a)
		if id, ok := a.(*ast.Ident); ok {
			if v, ok := c.info.ObjectOf(id).(*types.Var); ok && c.isRouterType(v.Type()) {
				return true
			}
		}
		if inner, ok := a.(*ast.CallExpr); ok && c.servesRouter(inner) {
			return true
		}
	}
	if inner, ok := ast.Unparen(call.Fun).(*ast.CallExpr); ok {
		return c.servesRouter(inner)
	}
	return false
}

// bodyKind: a handler whose statements are all calls of http.Redirect,
// http.NotFound or http.ServeFile (and returns) serves no endpoint of its
// own, or files.
func bodyKind(info *types.Info, body *ast.BlockStmt) handlerKind {
	kind := endpoint
	for _, st := range body.List {
		switch st := st.(type) {
		case *ast.ReturnStmt:
			if len(st.Results) > 0 {
				return endpoint
			}
		case *ast.ExprStmt:
			call, ok := st.X.(*ast.CallExpr)
			if !ok {
				return endpoint
			}
			switch fn := goanalysis.Callee(info, call); {
			case goanalysis.IsFunc(fn, netHTTP, "Redirect", "NotFound"):
				if kind == endpoint {
					kind = notEndpoint
				}
			case goanalysis.IsFunc(fn, netHTTP, "ServeFile", "ServeFileFS"):
				kind = fileServer
			default:
				return endpoint
			}
		default:
			return endpoint
		}
	}
	return kind
}

// registration recognises a route registration and returns its router,
// methods (none: any), path expression and the handler/middleware
// arguments.
func (c *checker) registration(call *ast.CallExpr, fn *types.Func, stack []ast.Node) (r *router, methods []string, pattern ast.Expr, handlers []ast.Expr, ok bool) {
	args := call.Args
	recv := receiver(call)
	name := fn.Name()
	one := func(m string) []string {
		if m == "" {
			return nil
		}
		return []string{strings.ToUpper(m)}
	}
	switch {
	case goanalysis.IsFunc(fn, netHTTP, "Handle", "HandleFunc") && len(args) == 2:
		return c.defaultMux(), nil, args[0], args[1:], true
	case goanalysis.IsMethod(fn, netHTTP, "ServeMux", "Handle", "HandleFunc") && len(args) == 2 && recv != nil:
		return c.routerOf(recv), nil, args[0], args[1:], true
	case isChi(fn) && recv != nil && len(args) >= 2:
		r := c.routerOf(recv)
		switch name {
		case "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace":
			return r, one(name), args[0], args[1:], true
		case "Handle", "HandleFunc":
			return r, nil, args[0], args[1:], true
		case "Method", "MethodFunc":
			if len(args) == 3 {
				m, _ := goanalysis.StringValue(c.info, args[0])
				return r, one(m), args[1], args[2:], true
			}
		}
	case (isPkg(fn, ginPkg) || isPkg(fn, echoV4) || isPkg(fn, echoV3)) && recv != nil && len(args) >= 2 && isRecvMethod(fn):
		r := c.routerOf(recv)
		switch name {
		case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE":
			return r, one(name), args[0], args[1:], true
		case "Any":
			return r, nil, args[0], args[1:], true
		case "Handle", "Add":
			if len(args) >= 3 {
				m, _ := goanalysis.StringValue(c.info, args[0])
				return r, one(m), args[1], args[2:], true
			}
		case "Match":
			if len(args) >= 3 {
				return r, c.methodList(args[0]), args[1], args[2:], true
			}
		}
	case goanalysis.IsMethod(fn, muxPkg, "Router", "Handle", "HandleFunc") && recv != nil && len(args) == 2:
		return c.routerOf(recv), c.gorillaMethods(call, stack), args[0], args[1:], true
	case goanalysis.IsMethod(fn, muxPkg, "Route", "Handler", "HandlerFunc") && recv != nil && len(args) == 1:
		// r.PathPrefix("/static/").Handler(h): every path under the prefix.
		if inner, ok := ast.Unparen(recv).(*ast.CallExpr); ok && len(inner.Args) == 1 {
			if goanalysis.IsMethod(goanalysis.Callee(c.info, inner), muxPkg, "Router", "PathPrefix") && receiver(inner) != nil {
				return c.routerOf(receiver(inner)), c.gorillaMethods(call, stack), inner.Args[0], args, true
			}
		}
		// r.Path("/echo").Methods("POST").HandlerFunc(h): the matchers
		// before the handler, from a Path on a router.
		if router, path, methods, ok := c.gorillaRoute(recv); ok {
			return c.routerOf(router), methods, path, args, true
		}
	}
	return nil, nil, nil, nil, false
}

// gorillaMethods reads r.HandleFunc(...).Methods("GET", "POST"), also
// after other matchers: r.Handle(...).Queries("a", "").Methods("GET").
func (c *checker) gorillaMethods(call *ast.CallExpr, stack []ast.Node) []string {
	for i := len(stack) - 2; i >= 1; i -= 2 {
		sel, ok := stack[i].(*ast.SelectorExpr)
		if !ok || sel.X != call {
			return nil
		}
		outer, ok := stack[i-1].(*ast.CallExpr)
		if !ok || outer.Fun != sel {
			return nil
		}
		if sel.Sel.Name == "Methods" {
			var ms []string
			for _, a := range outer.Args {
				if m, ok := goanalysis.StringValue(c.info, a); ok {
					ms = append(ms, strings.ToUpper(m))
				}
			}
			return ms
		}
		call = outer
	}
	return nil
}

// gorillaRoute reads a gorilla route built by matchers before its handler:
// r.Path("/echo").Methods("POST").Queries(...) — the router, the path and
// the methods. Only a chain that starts with Path on a router counts
// (PathPrefix is read above: every path under it).
func (c *checker) gorillaRoute(e ast.Expr) (router, path ast.Expr, methods []string, ok bool) {
	for range 8 {
		call, isCall := ast.Unparen(e).(*ast.CallExpr)
		if !isCall {
			return nil, nil, nil, false
		}
		fn := goanalysis.Callee(c.info, call)
		rcv := receiver(call)
		switch {
		case rcv == nil:
			return nil, nil, nil, false
		case goanalysis.IsMethod(fn, muxPkg, "Router", "Path") && len(call.Args) == 1:
			return rcv, call.Args[0], methods, true
		case goanalysis.IsMethod(fn, muxPkg, "Route", "Methods"):
			for _, a := range call.Args {
				if m, ok := goanalysis.StringValue(c.info, a); ok {
					methods = append(methods, strings.ToUpper(m))
				}
			}
		case goanalysis.IsMethod(fn, muxPkg, "Route", "Queries", "Headers", "HeadersRegexp", "Schemes", "Host", "Name", "MatcherFunc"):
		default:
			return nil, nil, nil, false
		}
		e = rcv
	}
	return nil, nil, nil, false
}

func (c *checker) methodList(e ast.Expr) []string {
	var ms []string
	for _, elt := range c.defs.Elements(c.info, e) {
		if m, ok := goanalysis.StringValue(c.info, elt); ok {
			ms = append(ms, strings.ToUpper(m))
		}
	}
	return ms
}

// routerOf evaluates a router expression.
func (c *checker) routerOf(e ast.Expr) *router {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		k, ok := c.keyOf(e)
		if !ok {
			return &router{}
		}
		if r, ok := c.routers[k]; ok {
			return r
		}
		r := &router{key: k}
		c.routers[k] = r
		if def := c.valueOf(k); def != nil {
			if d := c.routerOf(def); d != nil {
				r.prefix, r.auth, r.parent = d.prefix, d.auth, d.parent
				if d.key.obj != nil && d.key != k {
					r.parent = d
				}
			}
		}
		if args := c.paramArgs[k.obj]; k.ver == 0 && len(args) == 1 && !c.visiting[k.obj] {
			c.visiting[k.obj] = true
			r.prefix = c.routerOf(args[0]).prefix
			c.visiting[k.obj] = false
		}
		return r
	case *ast.CallExpr:
		fn := goanalysis.Callee(c.info, e)
		recv := receiver(e)
		if fn == nil || recv == nil {
			return &router{}
		}
		switch {
		case isChi(fn) && fn.Name() == "With":
			return &router{parent: c.routerOf(recv), prefix: c.routerOf(recv).prefix, auth: c.anyAuth(e.Args)}
		case (isPkg(fn, ginPkg) || isPkg(fn, echoV4) || isPkg(fn, echoV3)) && fn.Name() == "Group" && len(e.Args) >= 1:
			parent := c.routerOf(recv)
			p, _ := goanalysis.StringValue(c.info, e.Args[0])
			return &router{parent: parent, prefix: joinPath(parent.prefix, p), auth: c.anyAuth(e.Args[1:])}
		case goanalysis.IsMethod(fn, muxPkg, "Route", "Subrouter"):
			// r.PathPrefix("/api").Subrouter()
			if inner, ok := ast.Unparen(recv).(*ast.CallExpr); ok {
				ifn := goanalysis.Callee(c.info, inner)
				if goanalysis.IsMethod(ifn, muxPkg, "Router", "PathPrefix", "Path") && len(inner.Args) == 1 {
					if r2 := receiver(inner); r2 != nil {
						parent := c.routerOf(r2)
						p, _ := goanalysis.StringValue(c.info, inner.Args[0])
						return &router{parent: parent, prefix: joinPath(parent.prefix, p)}
					}
				}
			}
		}
	}
	return &router{}
}

func (c *checker) defaultMux() *router {
	obj := netHTTPDefaultServeMux(c.pass.Pass)
	if obj == nil {
		return &router{}
	}
	k := varKey{obj, 0}
	if r, ok := c.routers[k]; ok {
		return r
	}
	r := &router{key: k}
	c.routers[k] = r
	return r
}

// routerAuth reports whether auth reaches every route of r.
func (c *checker) routerAuth(r *router) bool {
	for ; r != nil; r = r.parent {
		if r.auth || (r.key.obj != nil && c.protected[r.key]) {
			return true
		}
		if args := c.paramArgs[r.key.obj]; r.key.obj != nil && r.key.ver == 0 && len(args) > 0 && !c.visiting[r.key.obj] {
			// A router parameter is protected when every caller passes a
			// protected router.
			c.visiting[r.key.obj] = true
			all := true
			for _, a := range args {
				if !c.routerAuth(c.routerOf(a)) {
					all = false
				}
			}
			c.visiting[r.key.obj] = false
			if all {
				return true
			}
		}
	}
	return false
}

// wrapsAuth reports whether a handler argument is, or is wrapped in, an
// auth middleware: requireKey(h), http.HandlerFunc(auth(h)), gin's
// r.GET("/x", authMW, h), a variable holding one (`requireAuth :=
// middleware.RequireAuth(...)`).
func (c *checker) wrapsAuth(e ast.Expr) bool {
	if c.isAuth(e) {
		return true
	}
	e = c.resolve(e)
	if c.isAuth(e) {
		return true
	}
	if call, ok := e.(*ast.CallExpr); ok {
		if c.wrapsAuth(call.Fun) {
			return true
		}
		for _, a := range call.Args {
			if c.wrapsAuth(a) {
				return true
			}
		}
	}
	return false
}

func (c *checker) anyAuth(es []ast.Expr) bool {
	for _, e := range es {
		if c.wrapsAuth(e) {
			return true
		}
	}
	return false
}

// isAuth reports whether e names or calls an auth middleware.
func (c *checker) isAuth(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return c.isAuthFunc(goanalysis.Callee(c.info, e))
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.objOf(e)
		switch obj := obj.(type) {
		case *types.Func:
			return c.isAuthFunc(obj)
		case *types.Var:
			return c.matchesAuth(obj)
		}
	}
	return false
}

func (c *checker) isAuthFunc(fn *types.Func) bool {
	return fn != nil && c.matchesAuth(fn)
}

// matchesAuth matches an object against auth-middleware by identity: its
// package path and name (and receiver type for methods), never by the text
// at the call site.
func (c *checker) matchesAuth(obj types.Object) bool {
	if obj.Pkg() == nil {
		return false
	}
	pkgPath := obj.Pkg().Path()
	if path.Base(pkgPath) == "auth" && obj.Pkg() != c.pass.Pkg {
		return true
	}
	qualified := pkgPath + "." + obj.Name()
	if fn, ok := obj.(*types.Func); ok {
		if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
			t := recv.Type()
			if p, ok := t.(*types.Pointer); ok {
				t = p.Elem()
			}
			if n, ok := types.Unalias(t).(*types.Named); ok {
				qualified = pkgPath + "." + n.Obj().Name() + "." + obj.Name()
			}
		}
	}
	for _, m := range c.opts.AuthMiddleware {
		if m == obj.Name() || m == qualified {
			return true
		}
	}
	return false
}

// isPublic: methods holds "ANY" for a route that serves every method.
func (c *checker) isPublic(methods []string, full string) bool {
	if len(methods) == 0 {
		methods = []string{"ANY"}
	}
	return c.opts.Public(methods, full, func(p string) string { return joinPath("", p) })
}

func (c *checker) objOf(e ast.Expr) types.Object {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return c.info.ObjectOf(e)
	case *ast.SelectorExpr:
		return c.info.ObjectOf(e.Sel)
	}
	return nil
}

// firstParam is the first parameter of the function literal or declared
// function e refers to.
func (c *checker) firstParam(e ast.Expr) types.Object {
	var ft *ast.FuncType
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		ft = e.Type
	case *ast.Ident, *ast.SelectorExpr:
		if fd := c.decls[c.objOf(e)]; fd != nil {
			ft = fd.Type
		}
	}
	if ft == nil || ft.Params == nil || len(ft.Params.List) == 0 || len(ft.Params.List[0].Names) == 0 {
		return nil
	}
	return c.info.Defs[ft.Params.List[0].Names[0]]
}

func (c *checker) isRouterType(t types.Type) bool {
	for _, p := range []struct{ pkg, name string }{
		{netHTTP, "ServeMux"}, {chiV5, "Router"}, {chiV5, "Mux"}, {chiV1, "Router"}, {chiV1, "Mux"},
		{ginPkg, "Engine"}, {ginPkg, "RouterGroup"}, {ginPkg, "IRouter"}, {ginPkg, "IRoutes"},
		{echoV4, "Echo"}, {echoV4, "Group"}, {echoV3, "Echo"}, {echoV3, "Group"}, {muxPkg, "Router"},
	} {
		if goanalysis.IsNamed(t, p.pkg, p.name) {
			return true
		}
	}
	return false
}

func paramObjects(info *types.Info, fd *ast.FuncDecl) []types.Object {
	var out []types.Object
	for _, field := range fd.Type.Params.List {
		for _, name := range field.Names {
			out = append(out, info.Defs[name])
		}
		if len(field.Names) == 0 {
			out = append(out, nil)
		}
	}
	return out
}

func netHTTPDefaultServeMux(pass *analysis.Pass) types.Object {
	for _, imp := range pass.Pkg.Imports() {
		if imp.Path() == netHTTP {
			return imp.Scope().Lookup("DefaultServeMux")
		}
	}
	return nil
}

// receiver is X in a call X.M(...).
func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

func isPkg(fn *types.Func, pkgPath string) bool {
	return fn != nil && fn.Pkg() != nil && fn.Pkg().Path() == pkgPath
}

func isRecvMethod(fn *types.Func) bool {
	return fn.Type().(*types.Signature).Recv() != nil
}

func isChi(fn *types.Func) bool {
	return (isPkg(fn, chiV5) || isPkg(fn, chiV1)) && isRecvMethod(fn)
}

// isRouterMethod: a Use method of one of the routers.
func isRouterMethod(fn *types.Func, name string) bool {
	if fn.Name() != name || !isRecvMethod(fn) || fn.Pkg() == nil {
		return false
	}
	switch fn.Pkg().Path() {
	case chiV5, chiV1, ginPkg, echoV4, echoV3, muxPkg:
		return true
	}
	return false
}

// joinPath joins a group prefix and a route path the way the routers do,
// and normalises the result ("/api" + "items/" → "/api/items").
func joinPath(prefix, p string) string {
	full := "/" + strings.Trim(prefix, "/") + "/" + strings.TrimLeft(p, "/")
	for strings.Contains(full, "//") {
		full = strings.ReplaceAll(full, "//", "/")
	}
	full = strings.TrimSuffix(full, "{$}")
	if len(full) > 1 {
		full = strings.TrimSuffix(full, "/")
	}
	return full
}
