package unauthenticatedroute

import (
	"go/ast"
	"go/token"
	"go/types"
	"path"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
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
	obj    types.Object
	parent *router
}

type checker struct {
	pass    *goanalysis.Pass
	info    *types.Info
	opts    *Config
	defs    goanalysis.Definitions
	routers map[types.Object]*router
	// protected: router variables that Use(auth) or are wrapped in auth.
	protected map[types.Object]bool
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
		routers:   map[types.Object]*router{},
		protected: map[types.Object]bool{},
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
			if c.isAuth(mw) {
				if obj := c.objOf(recv); obj != nil {
					c.protected[obj] = true
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
			c.routers[param] = &router{prefix: prefix, obj: param, parent: parent}
		}
	case c.isAuthFunc(fn):
		// auth(mux): every route of mux is behind auth.
		for _, arg := range call.Args {
			ast.Inspect(arg, func(n ast.Node) bool {
				if id, ok := n.(*ast.Ident); ok {
					if v, ok := c.info.Uses[id].(*types.Var); ok {
						c.protected[v] = true
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
	r, method, pattern, handlers, ok := c.registration(call, fn, stack)
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
		if !ok || c.isPublic(method, joinPath("", suffix)) {
			return
		}
		pat = "{" + goanalysis.Src(c.pass.Pass, bin.X) + "}" + suffix
	}
	if m, p, found := strings.Cut(pat, " "); found && fn.Pkg().Path() == netHTTP || found && isChi(fn) {
		method, pat = strings.ToUpper(m), strings.TrimSpace(p)
	}
	if fn.Pkg().Path() == netHTTP {
		// Go 1.22 patterns may name a host: "example.com/items".
		if i := strings.Index(pat, "/"); i > 0 {
			pat = pat[i:]
		}
	}
	full := joinPath(r.prefix, pat)
	if c.isPublic(method, full) {
		return
	}
	for _, h := range handlers {
		if c.wrapsAuth(h) {
			return
		}
	}
	if c.routerAuth(r) {
		return
	}
	if method == "" {
		method = "ANY"
	}
	sev := lint.Error
	if method == "GET" || method == "HEAD" || method == "OPTIONS" {
		sev = lint.Warning
	}
	c.pass.ReportLevel(sev, call.Pos(), call.End(),
		method+" "+full+" is reachable without authentication; wrap its handler in an auth middleware or Use(...) one on its router", nil)
}

// registration recognises a route registration and returns its router,
// method ("" for any), path expression and the handler/middleware arguments.
func (c *checker) registration(call *ast.CallExpr, fn *types.Func, stack []ast.Node) (r *router, method string, pattern ast.Expr, handlers []ast.Expr, ok bool) {
	args := call.Args
	recv := receiver(call)
	name := fn.Name()
	switch {
	case goanalysis.IsFunc(fn, netHTTP, "Handle", "HandleFunc") && len(args) == 2:
		return c.defaultMux(), "", args[0], args[1:], true
	case goanalysis.IsMethod(fn, netHTTP, "ServeMux", "Handle", "HandleFunc") && len(args) == 2 && recv != nil:
		return c.routerOf(recv), "", args[0], args[1:], true
	case isChi(fn) && recv != nil && len(args) >= 2:
		r := c.routerOf(recv)
		switch name {
		case "Get", "Post", "Put", "Patch", "Delete", "Head", "Options", "Connect", "Trace":
			return r, strings.ToUpper(name), args[0], args[1:], true
		case "Handle", "HandleFunc":
			return r, "", args[0], args[1:], true
		case "Method", "MethodFunc":
			if len(args) == 3 {
				m, _ := goanalysis.StringValue(c.info, args[0])
				return r, strings.ToUpper(m), args[1], args[2:], true
			}
		}
	case (isPkg(fn, ginPkg) || isPkg(fn, echoV4) || isPkg(fn, echoV3)) && recv != nil && len(args) >= 2 && isRecvMethod(fn):
		r := c.routerOf(recv)
		switch name {
		case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE":
			return r, name, args[0], args[1:], true
		case "Any":
			return r, "", args[0], args[1:], true
		case "Handle", "Add":
			if len(args) >= 3 {
				m, _ := goanalysis.StringValue(c.info, args[0])
				return r, strings.ToUpper(m), args[1], args[2:], true
			}
		case "Match":
			if len(args) >= 3 {
				return r, c.methodList(args[0]), args[1], args[2:], true
			}
		}
	case goanalysis.IsMethod(fn, muxPkg, "Router", "Handle", "HandleFunc") && recv != nil && len(args) == 2:
		return c.routerOf(recv), c.gorillaMethods(call, stack), args[0], args[1:], true
	}
	return nil, "", nil, nil, false
}

// gorillaMethods reads r.HandleFunc(...).Methods("POST", ...).
func (c *checker) gorillaMethods(call *ast.CallExpr, stack []ast.Node) string {
	if len(stack) < 3 {
		return ""
	}
	sel, ok := stack[len(stack)-2].(*ast.SelectorExpr)
	if !ok || sel.X != call || sel.Sel.Name != "Methods" {
		return ""
	}
	outer, ok := stack[len(stack)-3].(*ast.CallExpr)
	if !ok {
		return ""
	}
	var ms []string
	for _, a := range outer.Args {
		if m, ok := goanalysis.StringValue(c.info, a); ok {
			ms = append(ms, strings.ToUpper(m))
		}
	}
	return mostDangerous(ms)
}

func (c *checker) methodList(e ast.Expr) string {
	var ms []string
	for _, elt := range c.defs.Elements(c.info, e) {
		if m, ok := goanalysis.StringValue(c.info, elt); ok {
			ms = append(ms, strings.ToUpper(m))
		}
	}
	return mostDangerous(ms)
}

// mostDangerous names a set of methods by a mutating one if it has one.
func mostDangerous(ms []string) string {
	for _, m := range ms {
		if m != "GET" && m != "HEAD" && m != "OPTIONS" {
			return m
		}
	}
	if len(ms) > 0 {
		return ms[0]
	}
	return ""
}

// routerOf evaluates a router expression.
func (c *checker) routerOf(e ast.Expr) *router {
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		obj := c.objOf(e)
		if obj == nil {
			return &router{}
		}
		if r, ok := c.routers[obj]; ok {
			return r
		}
		r := &router{obj: obj}
		c.routers[obj] = r
		if def := c.defs.Resolve(c.info, e); def != e {
			if d := c.routerOf(def); d != nil {
				r.prefix, r.auth, r.parent = d.prefix, d.auth, d.parent
				if d.obj != nil && d.obj != obj {
					r.parent = d
				}
			}
		}
		if args := c.paramArgs[obj]; len(args) == 1 && !c.visiting[obj] {
			c.visiting[obj] = true
			r.prefix = c.routerOf(args[0]).prefix
			c.visiting[obj] = false
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
				if goanalysis.IsMethod(ifn, muxPkg, "Router", "PathPrefix") && len(inner.Args) == 1 {
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
	if r, ok := c.routers[obj]; ok {
		return r
	}
	r := &router{obj: obj}
	c.routers[obj] = r
	return r
}

// routerAuth reports whether auth reaches every route of r.
func (c *checker) routerAuth(r *router) bool {
	for ; r != nil; r = r.parent {
		if r.auth || (r.obj != nil && c.protected[r.obj]) {
			return true
		}
		if args := c.paramArgs[r.obj]; r.obj != nil && len(args) > 0 && !c.visiting[r.obj] {
			// A router parameter is protected when every caller passes a
			// protected router.
			c.visiting[r.obj] = true
			all := true
			for _, a := range args {
				if !c.routerAuth(c.routerOf(a)) {
					all = false
				}
			}
			c.visiting[r.obj] = false
			if all {
				return true
			}
		}
	}
	return false
}

// wrapsAuth reports whether a handler argument is, or is wrapped in, an
// auth middleware: requireKey(h), http.HandlerFunc(auth(h)), gin's
// r.GET("/x", authMW, h).
func (c *checker) wrapsAuth(e ast.Expr) bool {
	e = c.defs.Resolve(c.info, e)
	if c.isAuth(e) {
		return true
	}
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok {
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

// isPublic: method is "" for a route that serves every method.
func (c *checker) isPublic(method, full string) bool {
	if method == "" {
		method = "ANY"
	}
	return c.opts.Public([]string{method}, full, func(p string) string { return joinPath("", p) })
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
