package goanalysis

import (
	"go/ast"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
)

// Framework packages whose handler signatures IsHandler recognises.
const (
	netHTTP = "net/http"
	ginPkg  = "github.com/gin-gonic/gin"
	echoV4  = "github.com/labstack/echo/v4"
	echoV3  = "github.com/labstack/echo"
	fiberV2 = "github.com/gofiber/fiber/v2"
)

// IsHandler reports whether sig is the signature of a function that serves
// one HTTP request: func(http.ResponseWriter, *http.Request), a gin handler
// func(*gin.Context), an echo handler func(echo.Context) error or a fiber
// handler func(*fiber.Ctx) error.
func IsHandler(sig *types.Signature) bool {
	params := sig.Params()
	switch params.Len() {
	case 2:
		return IsNamed(params.At(0).Type(), netHTTP, "ResponseWriter") &&
			isPointerTo(params.At(1).Type(), netHTTP, "Request")
	case 1:
		t := params.At(0).Type()
		return isPointerTo(t, ginPkg, "Context") ||
			IsNamed(t, echoV4, "Context") || IsNamed(t, echoV3, "Context") ||
			isPointerTo(t, fiberV2, "Ctx")
	}
	return false
}

func isPointerTo(t types.Type, pkgPath, name string) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok && IsNamed(t, pkgPath, name)
}

// RequestScope is the set of function bodies of a package that run once per
// HTTP request: handlers (recognised by signature, declared or literal) and
// the functions of the same package that they call, transitively. Function
// literals inside such a body belong to it (a goroutine started by a handler
// runs per request too).
type RequestScope struct {
	funcs map[ast.Node]bool // *ast.FuncDecl or *ast.FuncLit
	// command: CommandScopeAnalyzer's result for a command-line program
	// (a package main that serves nothing).
	command bool
}

// Command reports whether CommandScopeAnalyzer's result s is a
// command-line program's (a package main that serves nothing).
func (s *RequestScope) Command() bool { return s.command }

// RequestScopeAnalyzer computes a package's RequestScope once for the
// analyzers that Require it (RequestScopeOf reads its result).
var RequestScopeAnalyzer = &analysis.Analyzer{
	Name:       "requestscope",
	Doc:        "the function bodies of a package that run once per HTTP request: handlers, recognised by signature, and the functions of the package they call",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeOf((*RequestScope)(nil)),
	Run: func(pass *analysis.Pass) (any, error) {
		return reach(pass, func(fd *ast.FuncDecl, fn *types.Func) bool {
			return IsHandler(fn.Type().(*types.Signature))
		}), nil
	},
}

// StartupScopeAnalyzer computes the function bodies of a package that run
// once, at start-up, for the analyzers that Require it (StartupScopeOf):
// init functions, main.main, and the package's functions whose every use
// is a call from start-up code (setup(ctx) called only from main builds its
// clients once). A function also called from a handler, from a function
// literal, or used as a value is not start-up code.
var StartupScopeAnalyzer = &analysis.Analyzer{
	Name:       "startupscope",
	Doc:        "the function bodies of a package that run once, at start-up: init, main.main and the functions only they call",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeOf((*RequestScope)(nil)),
	Run:        func(pass *analysis.Pass) (any, error) { return startupScope(pass), nil },
}

// EntryScopeAnalyzer computes the function bodies of a package that
// something in the package runs (EntryScopeOf): HTTP handlers, gRPC
// methods (a method taking or returning a protobuf message, by its type's
// method set), init, main.main, every function literal, and every declared
// function used as a value (a callback, a method value), with the
// package's functions they call, transitively. What is left is only
// reachable from other packages, if at all: an exported library function
// such as a documentation snippet, whose cost is its callers'.
var EntryScopeAnalyzer = &analysis.Analyzer{
	Name:       "entryscope",
	Doc:        "the function bodies of a package that its handlers, gRPC methods, init, main, function literals and callbacks reach",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeOf((*RequestScope)(nil)),
	Run:        func(pass *analysis.Pass) (any, error) { return entryScope(pass), nil },
}

// EntryScopeOf is the EntryScopeAnalyzer's result in a pass of an analyzer
// that requires it.
func EntryScopeOf(pass *analysis.Pass) *RequestScope {
	return pass.ResultOf[EntryScopeAnalyzer].(*RequestScope)
}

func entryScope(pass *analysis.Pass) *RequestScope {
	isMain := pass.Pkg.Name() == "main"
	var roots []ast.Node
	decls := funcDecls(pass, func(fd *ast.FuncDecl, fn *types.Func) {
		sig := fn.Type().(*types.Signature)
		if IsHandler(sig) || isRPCMethod(sig) || isEntry(fd, isMain) {
			roots = append(roots, fd)
		}
	})
	// Function literals run when their holder says, and a function used as
	// a value runs when whoever receives it says: both are entries. Tests
	// are not (they call library code on purpose).
	isTest := func(f *ast.File) bool { return IsTestFile(pass, f) }
	WithStack(pass, isTest, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			roots = append(roots, n)
		case *ast.Ident:
			fn, _ := pass.TypesInfo.Uses[n].(*types.Func)
			if fd := decls[fn]; fd != nil && !isCallee(n, stack) {
				roots = append(roots, fd)
			}
		}
		return true
	})
	return closure(pass, decls, roots)
}

// CommandScopeAnalyzer computes the function bodies of a command-line
// program that only its runs reach (CommandScopeOf): in a package main that
// serves nothing (no HTTP handler or gRPC method, and main.main calls no
// ListenAndServe, Serve or Receive), main.main, init, the declared
// functions main or init use as values other than as a call's argument
// (a table of commands or samples main dispatches through: `samples :=
// []struct{...}{{"faces", detectFaces}}`), and the package's functions
// they call — except what any other entry of EntryScopeAnalyzer (a
// function literal, a function handed to a call, a handler) also reaches.
// Such code runs once per run of the program, as often as its user runs
// it.
var CommandScopeAnalyzer = &analysis.Analyzer{
	Name:       "commandscope",
	Doc:        "the function bodies of a command-line program (a package main that serves nothing) that only main, init and the tables of functions they dispatch through reach",
	Requires:   []*analysis.Analyzer{inspect.Analyzer},
	ResultType: reflect.TypeOf((*RequestScope)(nil)),
	Run:        func(pass *analysis.Pass) (any, error) { return commandScope(pass), nil },
}

// CommandScopeOf is the CommandScopeAnalyzer's result in a pass of an
// analyzer that requires it.
func CommandScopeOf(pass *analysis.Pass) *RequestScope {
	return pass.ResultOf[CommandScopeAnalyzer].(*RequestScope)
}

// serveNames are the calls that make main a server: it blocks serving
// requests or messages.
var serveNames = []string{"ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS", "Receive"}

func commandScope(pass *analysis.Pass) *RequestScope {
	empty := &RequestScope{funcs: map[ast.Node]bool{}}
	if pass.Pkg.Name() != "main" {
		return empty
	}
	var cmdRoots, otherRoots []ast.Node
	serves := false
	decls := funcDecls(pass, func(fd *ast.FuncDecl, fn *types.Func) {
		sig := fn.Type().(*types.Signature)
		switch {
		case IsHandler(sig) || isRPCMethod(sig):
			serves = true
		case isEntry(fd, true):
			cmdRoots = append(cmdRoots, fd)
		}
	})
	isTest := func(f *ast.File) bool { return IsTestFile(pass, f) }
	WithStack(pass, isTest, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			if sig, ok := pass.TypesInfo.TypeOf(n).(*types.Signature); ok && IsHandler(sig) {
				serves = true
			}
			otherRoots = append(otherRoots, n)
		case *ast.CallExpr:
			if fn := Callee(pass.TypesInfo, n); fn != nil && nameIn(fn.Name(), serveNames) {
				serves = true
			}
		case *ast.Ident:
			fn, _ := pass.TypesInfo.Uses[n].(*types.Func)
			fd := decls[fn]
			if fd == nil || isCallee(n, stack) {
				return true
			}
			if inEntryOnly(stack) && !isArgument(n, stack) {
				cmdRoots = append(cmdRoots, fd)
			} else {
				otherRoots = append(otherRoots, fd)
			}
		}
		return true
	})
	if serves {
		return empty
	}
	cmd := closure(pass, decls, cmdRoots)
	other := closure(pass, decls, otherRoots)
	for n := range cmd.funcs {
		if other.funcs[n] {
			delete(cmd.funcs, n)
		}
	}
	cmd.command = true
	return cmd
}

// inEntryOnly: the innermost function around the top of stack is main.main
// or init, with no function literal in between.
func inEntryOnly(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch f := stack[i].(type) {
		case *ast.FuncLit:
			return false
		case *ast.FuncDecl:
			return isEntry(f, true)
		}
	}
	return false
}

// isArgument: id (last on stack) is, or is the selector of, an argument
// of a call (a callback handed to someone who decides how often it runs).
func isArgument(id *ast.Ident, stack []ast.Node) bool {
	i := len(stack) - 2
	var e ast.Node = id
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			e = sel
			i--
		}
	}
	for ; i >= 0; i-- {
		if p, ok := stack[i].(*ast.ParenExpr); ok {
			e = p
			continue
		}
		break
	}
	if i < 0 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok {
		return false
	}
	for _, a := range call.Args {
		if a == e {
			return true
		}
	}
	return false
}

// isRPCMethod reports whether sig is a method's that takes or returns a
// protobuf message (a type whose pointer has ProtoReflect or ProtoMessage):
// a gRPC service's method, or a helper of one.
func isRPCMethod(sig *types.Signature) bool {
	if sig.Recv() == nil {
		return false
	}
	for _, tup := range []*types.Tuple{sig.Params(), sig.Results()} {
		for i := range tup.Len() {
			if isProtoMessage(tup.At(i).Type()) {
				return true
			}
		}
	}
	return false
}

func isProtoMessage(t types.Type) bool {
	if _, ok := types.Unalias(t).(*types.Pointer); !ok {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	for _, name := range []string{"ProtoReflect", "ProtoMessage"} {
		if ms.Lookup(nil, name) != nil {
			return true
		}
	}
	return false
}

// RequestScopeOf is the RequestScopeAnalyzer's result in a pass of an
// analyzer that requires it.
func RequestScopeOf(pass *analysis.Pass) *RequestScope {
	return pass.ResultOf[RequestScopeAnalyzer].(*RequestScope)
}

// StartupScopeOf is the StartupScopeAnalyzer's result in a pass of an
// analyzer that requires it.
func StartupScopeOf(pass *analysis.Pass) *RequestScope {
	return pass.ResultOf[StartupScopeAnalyzer].(*RequestScope)
}

func startupScope(pass *analysis.Pass) *RequestScope {
	isMain := pass.Pkg.Name() == "main"
	s := &RequestScope{funcs: make(map[ast.Node]bool)}
	decls := funcDecls(pass, func(fd *ast.FuncDecl, _ *types.Func) {
		if isEntry(fd, isMain) {
			s.funcs[fd] = true
		}
	})
	// callers[f]: the innermost function (declaration or literal) around
	// each use of f; nil for a use outside any function or not as a callee.
	callers := map[*ast.FuncDecl][]ast.Node{}
	// Tests call set-up code too; that does not make it per-request.
	isTest := func(f *ast.File) bool { return IsTestFile(pass, f) }
	WithStack(pass, isTest, func(n ast.Node, stack []ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		fn, _ := pass.TypesInfo.Uses[id].(*types.Func)
		fd := decls[fn]
		if fd == nil {
			return true
		}
		var caller ast.Node
		if isCallee(id, stack) {
			for i := len(stack) - 1; i >= 0 && caller == nil; i-- {
				switch stack[i].(type) {
				case *ast.FuncDecl, *ast.FuncLit:
					caller = stack[i]
				}
			}
		}
		callers[fd] = append(callers[fd], caller)
		return true
	})
	for changed := true; changed; {
		changed = false
		for _, fd := range decls {
			if s.funcs[fd] || len(callers[fd]) == 0 {
				continue
			}
			all := true
			for _, c := range callers[fd] {
				if c == nil || !s.funcs[c] {
					all = false
					break
				}
			}
			if all {
				s.funcs[fd] = true
				changed = true
			}
		}
	}
	return s
}

// isCallee reports whether id (last on stack) is the function called by
// the call expression around it: f(...) or x.f(...).
func isCallee(id *ast.Ident, stack []ast.Node) bool {
	i := len(stack) - 2
	if i >= 0 {
		if sel, ok := stack[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			i--
		}
	}
	if i < 0 {
		return false
	}
	call, ok := stack[i].(*ast.CallExpr)
	if !ok {
		return false
	}
	fun := ast.Unparen(call.Fun)
	return fun == id || fun == stack[i+1]
}

// reach collects the declared functions for which root holds, the function
// literals that are handlers, and the package's functions they call.
func reach(pass *analysis.Pass, root func(*ast.FuncDecl, *types.Func) bool) *RequestScope {
	var roots []ast.Node
	decls := funcDecls(pass, func(fd *ast.FuncDecl, fn *types.Func) {
		if root(fd, fn) {
			roots = append(roots, fd)
		}
	})
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.FuncLit); ok {
				if sig, ok := pass.TypesInfo.TypeOf(lit).(*types.Signature); ok && IsHandler(sig) {
					roots = append(roots, lit)
				}
			}
			return true
		})
	}
	return closure(pass, decls, roots)
}

// closure is roots and the package's declared functions (decls) their
// bodies call, transitively.
func closure(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl, roots []ast.Node) *RequestScope {
	s := &RequestScope{funcs: make(map[ast.Node]bool)}
	for len(roots) > 0 {
		n := roots[len(roots)-1]
		roots = roots[:len(roots)-1]
		if s.funcs[n] {
			continue
		}
		s.funcs[n] = true
		ast.Inspect(n, func(m ast.Node) bool {
			call, ok := m.(*ast.CallExpr)
			if !ok {
				return true
			}
			if fd := decls[Callee(pass.TypesInfo, call)]; fd != nil && !s.funcs[fd] {
				roots = append(roots, fd)
			}
			return true
		})
	}
	return s
}

// Contains reports whether the innermost-last stack of nodes is inside a
// per-request body.
func (s *RequestScope) Contains(stack []ast.Node) bool {
	for _, n := range stack {
		if s.funcs[n] {
			return true
		}
	}
	return false
}

// EnclosingFunc is the innermost function declaration on stack, or nil.
func EnclosingFunc(stack []ast.Node) *ast.FuncDecl {
	for i := len(stack) - 1; i >= 0; i-- {
		if fd, ok := stack[i].(*ast.FuncDecl); ok {
			return fd
		}
	}
	return nil
}

// Reaches reports whether the declared function fd is in the scope.
func (s *RequestScope) Reaches(fd *ast.FuncDecl) bool { return s.funcs[fd] }

// funcDecls maps the package's declared functions with bodies to their
// declarations, calling visit on each.
func funcDecls(pass *analysis.Pass, visit func(*ast.FuncDecl, *types.Func)) map[*types.Func]*ast.FuncDecl {
	decls := make(map[*types.Func]*ast.FuncDecl)
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if fn, _ := pass.TypesInfo.Defs[fd.Name].(*types.Func); fn != nil {
				decls[fn] = fd
				visit(fd, fn)
			}
		}
	}
	return decls
}

// isEntry reports whether fd is init, or main.main in a main package.
func isEntry(fd *ast.FuncDecl, isMain bool) bool {
	return fd.Recv == nil && (fd.Name.Name == "init" || isMain && fd.Name.Name == "main")
}
