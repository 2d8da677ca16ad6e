package directclient

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Go is the rule's Go side, for the registry (analyzers.Go): its analyzer
// reads the GoOptions (pool-packages, also a vet flag and a golangci-lint
// setting).
var Go = goanalysis.NewRule(Rule, OptionsSpec, goanalysis.Def[*Config]{
	Name:     "directclient",
	Requires: []*analysis.Analyzer{inspect.Analyzer, goanalysis.RequestScopeAnalyzer, goanalysis.StartupScopeAnalyzer, goanalysis.EntryScopeAnalyzer, goanalysis.CommandScopeAnalyzer},
	Run:      run,
})

// Analyzer is XY003 direct-client for Go with the default options; its flags
// (-directclient.pool-packages) change them.
var Analyzer = Go.Analyzer

func run(pass *goanalysis.Pass, opts *Config) error {
	info := pass.TypesInfo
	scope := goanalysis.RequestScopeOf(pass.Pass)
	startup := goanalysis.StartupScopeOf(pass.Pass)
	entries := goanalysis.EntryScopeOf(pass.Pass)
	commands := goanalysis.CommandScopeOf(pass.Pass)
	inPool := goanalysis.MatchPackage(pass.Pkg.Path(), opts.PoolPackages)
	onceFuncs := onceBodies(pass.Pass)
	skip := func(f *ast.File) bool { return goanalysis.IsTestFile(pass.Pass, f) || goanalysis.IsGenerated(f) }
	goanalysis.WithStack(pass.Pass, skip, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			fn := goanalysis.Callee(info, n)
			if goanalysis.IsFunc(fn, "net/http", "Get", "Post", "Head", "PostForm") && !inPool {
				pass.ReportAt(n.Pos(), n.End(),
					"http."+fn.Name()+" uses http.DefaultClient, which has no timeout; use the shared, configured http.Client", nil)
			}
			if what := constructor(info, n, fn); what != "" {
				site(pass, scope, startup, entries, commands, inPool, onceFuncs, stack, n, what)
			}
		case *ast.CompositeLit:
			if goanalysis.IsNamed(info.TypeOf(n), "net/http", "Client") {
				site(pass, scope, startup, entries, commands, inPool, onceFuncs, stack, n, "http.Client")
			}
		case *ast.SelectorExpr:
			if goanalysis.IsPkgVar(info, n, "net/http", "DefaultClient") && !inPool {
				pass.ReportAt(n.Pos(), n.End(),
					"http.DefaultClient has no timeout; use the shared, configured http.Client", nil)
			}
		}
		return true
	})
	return nil
}

// constructor names what call builds: a Google Cloud client
// (cloud.google.com/go/... NewClient / New...Client) or new(http.Client).
func constructor(info *types.Info, call *ast.CallExpr, fn *types.Func) string {
	if fn != nil && fn.Pkg() != nil && goanalysis.PkgPathIs(fn.Pkg().Path(), "cloud.google.com/go/...") {
		name := fn.Name()
		if fn.Type().(*types.Signature).Recv() == nil && strings.HasPrefix(name, "New") && strings.HasSuffix(name, "Client") {
			return fn.Pkg().Name() + "." + name
		}
		return ""
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok && len(call.Args) == 1 {
		if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && goanalysis.IsNamed(info.TypeOf(call.Args[0]), "net/http", "Client") {
			return "http.Client"
		}
	}
	return ""
}

// site classifies one construction and reports it unless it runs once.
func site(pass *goanalysis.Pass, scope, startup, entries, commands *goanalysis.RequestScope, inPool bool, onceFuncs map[*ast.FuncDecl]bool, stack []ast.Node, n ast.Node, what string) {
	// Singletons: sync.Once bodies, however often their caller runs.
	if goanalysis.InOnce(pass.TypesInfo, stack) {
		return
	}
	// A lazy package-level client (`if client == nil { client = ... }`)
	// is built once per process, whoever calls the function: a note (none
	// in the pool package, which builds the shared clients).
	if v := lazyGlobal(pass.TypesInfo, stack, n); v != nil {
		if !inPool {
			pass.ReportLevel(lint.Note, n.Pos(), n.End(),
				what+" is built once per process (lazy package-level `"+v.Name()+"`, set when nil); sync.Once or the pool package make it safe for concurrent requests", nil)
		}
		return
	}
	if scope.Contains(stack) {
		pass.ReportAt(n.Pos(), n.End(),
			what+" is built per request; build it once (main, sync.Once or the pool package) and reuse it", nil)
		return
	}
	// Package-level variables are initialised once, before main; functions
	// handed to sync.Once.Do by name run once, and so does what main and
	// init call.
	fd := goanalysis.EnclosingFunc(stack)
	if fd == nil || onceFuncs[fd] || inPool || startup.Contains(stack) {
		return
	}
	// A command-line program's code that only its main (directly or
	// through a table of functions it dispatches through) runs: once per
	// run of the program.
	if commands.Reaches(fd) && !inLiteral(stack) {
		pass.ReportLevel(lint.Note, n.Pos(), n.End(),
			what+" is built per call of "+fd.Name.Name+", which only the command-line program's main runs: once per run of a command-line program (a note); build it once in main and pass it in, or take it from the pool package", nil)
		return
	}
	// Library code that nothing of its package runs (no handler, gRPC
	// method, callback or function literal reaches it): it costs what its
	// callers make of it, which this package does not show; a note until a
	// handler of the package calls it (then the site is per request). In
	// a command-line program, a function nothing runs is a snippet its
	// tests call.
	if (pass.Pkg.Name() != "main" || commands.Command()) && !entries.Reaches(fd) && !inLiteral(stack) {
		pass.ReportLevel(lint.Note, n.Pos(), n.End(),
			what+" is built per call of "+fd.Name.Name+", a function no handler in this package reaches (a note; a warning once one does); take it from the pool package or build it once and pass it in", nil)
		return
	}
	pass.ReportAt(n.Pos(), n.End(),
		what+" is built in "+fd.Name.Name+"; take it from the pool package or build it once in main and pass it in", nil)
}

// inLiteral reports whether the innermost function on stack is a function
// literal: a callback whose caller decides how often it runs (per message
// of a subscription, per item), so never a library note.
func inLiteral(stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch stack[i].(type) {
		case *ast.FuncLit:
			return true
		case *ast.FuncDecl:
			return false
		}
	}
	return false
}

// onceBodies are the declared functions passed by name to sync.Once.Do and
// friends (once.Do(initClients)).
func onceBodies(pass *analysis.Pass) map[*ast.FuncDecl]bool {
	decls := map[types.Object]*ast.FuncDecl{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				decls[pass.TypesInfo.Defs[fd.Name]] = fd
			}
		}
	}
	bodies := map[*ast.FuncDecl]bool{}
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !goanalysis.IsOnceCall(pass.TypesInfo, call) {
				return true
			}
			for _, arg := range call.Args {
				var id *ast.Ident
				switch a := ast.Unparen(arg).(type) {
				case *ast.Ident:
					id = a
				case *ast.SelectorExpr:
					id = a.Sel
				}
				if id != nil {
					if fd := decls[pass.TypesInfo.Uses[id]]; fd != nil {
						bodies[fd] = true
					}
				}
			}
			return true
		})
	}
	return bodies
}

// lazyGlobal is the package-level variable a construction is assigned to
// when the enclosing function tests that variable against nil first
// (`if client == nil { client, err = storage.NewClient(ctx) }`, or `if
// client != nil { return client }` before it), or nil.
func lazyGlobal(info *types.Info, stack []ast.Node, n ast.Node) *types.Var {
	fd := goanalysis.EnclosingFunc(stack)
	if fd == nil || fd.Body == nil {
		return nil
	}
	var asg *ast.AssignStmt
	for i := len(stack) - 1; i >= 0; i-- {
		if a, ok := stack[i].(*ast.AssignStmt); ok {
			asg = a
			break
		}
		if _, ok := stack[i].(ast.Stmt); ok {
			return nil // the construction is not an assignment's value
		}
	}
	if asg == nil {
		return nil
	}
	var v *types.Var
	for _, lhs := range asg.Lhs {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			continue
		}
		if obj, ok := info.Uses[id].(*types.Var); ok && obj.Pkg() != nil && obj.Parent() == obj.Pkg().Scope() {
			v = obj
			break
		}
	}
	if v == nil {
		return nil
	}
	guarded := false
	ast.Inspect(fd.Body, func(x ast.Node) bool {
		ifs, ok := x.(*ast.IfStmt)
		if !ok || guarded {
			return !guarded
		}
		ast.Inspect(ifs.Cond, func(c ast.Node) bool {
			be, ok := c.(*ast.BinaryExpr)
			if !ok || be.Op.String() != "==" && be.Op.String() != "!=" {
				return true
			}
			for _, pair := range [][2]ast.Expr{{be.X, be.Y}, {be.Y, be.X}} {
				id, ok := ast.Unparen(pair[0]).(*ast.Ident)
				if ok && info.Uses[id] == v && isNil(info, pair[1]) {
					guarded = true
				}
			}
			return !guarded
		})
		return !guarded
	})
	if !guarded {
		return nil
	}
	return v
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}
