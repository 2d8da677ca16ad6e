package missingshutdown

import (
	"fmt"
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/goanalysis"
)

// Go is the rule's Go side, for the registry (analyzers.Go). The Go
// analyzer reads no options. It exports a fact per function that serves
// HTTP, shuts a server down or handles SIGTERM, so a main package whose
// server lives in another package of the module is judged on what the
// whole program does.
var Go = goanalysis.Plain(Rule, goanalysis.Def[struct{}]{
	Name:      "missingshutdown",
	FactTypes: []analysis.Fact{new(lifecycle)},
	Run:       run,
})

// Analyzer is XY006 missing-shutdown for Go.
var Analyzer = Go.Analyzer

// lifecycle says what calling a function does, transitively.
type lifecycle struct {
	Serves   bool // starts an HTTP server (ListenAndServe, Serve, gin Run, echo Start)
	Shutdown bool // shuts one down gracefully ((*http.Server).Shutdown, echo Shutdown)
	Signal   bool // subscribes to SIGTERM (signal.Notify / NotifyContext)
}

func (*lifecycle) AFact() {}

func (l *lifecycle) String() string {
	var parts []string
	if l.Serves {
		parts = append(parts, "serves")
	}
	if l.Shutdown {
		parts = append(parts, "shutdown")
	}
	if l.Signal {
		parts = append(parts, "sigterm")
	}
	return "lifecycle(" + strings.Join(parts, ",") + ")"
}

func (l *lifecycle) merge(o lifecycle) bool {
	before := *l
	l.Serves = l.Serves || o.Serves
	l.Shutdown = l.Shutdown || o.Shutdown
	l.Signal = l.Signal || o.Signal
	return *l != before
}

const (
	netHTTP = "net/http"
	gin     = "github.com/gin-gonic/gin"
	echoV4  = "github.com/labstack/echo/v4"
	fiber   = "github.com/gofiber/fiber/v2"
)

// direct is what one call does by itself.
func direct(info *types.Info, defs goanalysis.Definitions, call *ast.CallExpr) lifecycle {
	fn := goanalysis.Callee(info, call)
	var l lifecycle
	switch {
	case goanalysis.IsFunc(fn, netHTTP, "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"),
		goanalysis.IsMethod(fn, netHTTP, "Server", "ListenAndServe", "ListenAndServeTLS", "Serve", "ServeTLS"),
		goanalysis.IsMethod(fn, gin, "Engine", "Run", "RunTLS", "RunUnix", "RunListener", "RunFd"),
		goanalysis.IsMethod(fn, echoV4, "Echo", "Start", "StartTLS", "StartServer", "StartAutoTLS", "StartH2CServer"),
		goanalysis.IsMethod(fn, fiber, "App", "Listen", "ListenTLS", "Listener"):
		l.Serves = true
	case goanalysis.IsMethod(fn, netHTTP, "Server", "Shutdown"),
		goanalysis.IsMethod(fn, echoV4, "Echo", "Shutdown"),
		goanalysis.IsMethod(fn, fiber, "App", "Shutdown", "ShutdownWithContext", "ShutdownWithTimeout"):
		l.Shutdown = true
	case goanalysis.IsFunc(fn, "os/signal", "Notify", "NotifyContext"):
		// With no signals listed, every signal is relayed, SIGTERM included.
		l.Signal = len(call.Args) == 1 || mentionsSIGTERM(info, defs, call.Args[1:])
	}
	return l
}

func mentionsSIGTERM(info *types.Info, defs goanalysis.Definitions, args []ast.Expr) bool {
	found := false
	for _, arg := range args {
		ast.Inspect(defs.Resolve(info, arg), func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				if c, ok := info.Uses[id].(*types.Const); ok && c.Name() == "SIGTERM" && c.Pkg() != nil &&
					(c.Pkg().Path() == "syscall" || c.Pkg().Path() == "golang.org/x/sys/unix") {
					found = true
				}
			}
			return !found
		})
	}
	return found
}

// funcInfo is one declared function of the package being analysed.
type funcInfo struct {
	decl    *ast.FuncDecl
	own     lifecycle
	callees []*types.Func // functions called or referenced (method values, go f)
	summary lifecycle
}

func run(pass *goanalysis.Pass, _ struct{}) error {
	info := pass.TypesInfo
	defs := goanalysis.NewDefinitions(info, pass.Files)
	funcs := map[*types.Func]*funcInfo{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn, _ := info.Defs[fd.Name].(*types.Func)
			if fn == nil {
				continue
			}
			fi := &funcInfo{decl: fd}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					fi.own.merge(direct(info, defs, n))
				case *ast.Ident:
					if callee, ok := info.Uses[n].(*types.Func); ok {
						fi.callees = append(fi.callees, callee.Origin())
					}
				}
				return true
			})
			fi.summary = fi.own
			funcs[fn] = fi
		}
	}
	// Propagate along calls until nothing changes; imported functions
	// contribute the facts their own packages exported.
	imported := map[*types.Func]lifecycle{}
	for changed := true; changed; {
		changed = false
		for _, fi := range funcs {
			for _, callee := range fi.callees {
				if other, ok := funcs[callee]; ok {
					changed = fi.summary.merge(other.summary) || changed
					continue
				}
				l, seen := imported[callee]
				if !seen {
					var fact lifecycle
					if callee.Pkg() != nil && callee.Pkg() != pass.Pkg && pass.ImportObjectFact(callee, &fact) {
						l = fact
					}
					imported[callee] = l
				}
				changed = fi.summary.merge(l) || changed
			}
		}
	}
	// Nothing imports a main package: its facts would be dead weight.
	for fn, fi := range funcs {
		if fi.summary != (lifecycle{}) && pass.Pkg.Name() != "main" {
			s := fi.summary
			pass.ExportObjectFact(fn, &s)
		}
	}
	if pass.Pkg.Name() != "main" {
		return nil
	}
	for fn, fi := range funcs {
		if fn.Name() == "main" && fi.decl.Recv == nil {
			checkMain(pass, defs, fi, funcs, imported)
		}
	}
	return nil
}

// checkMain reports a main that serves without graceful shutdown, at the
// first call in main that leads to serving.
func checkMain(pass *goanalysis.Pass, defs goanalysis.Definitions, main *funcInfo, funcs map[*types.Func]*funcInfo, imported map[*types.Func]lifecycle) {
	s := main.summary
	if !s.Serves || (s.Shutdown && s.Signal) {
		return
	}
	info := pass.TypesInfo
	var site *ast.CallExpr
	var stack []ast.Node
	goanalysis.WalkStack(main.decl.Body, func(n ast.Node, st []ast.Node) bool {
		if site != nil {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		serves := direct(info, defs, call).Serves
		if fn := goanalysis.Callee(info, call); fn != nil && !serves {
			if fi, ok := funcs[fn.Origin()]; ok {
				serves = fi.summary.Serves
			} else {
				serves = imported[fn.Origin()].Serves
			}
		}
		if serves {
			site, stack = call, append([]ast.Node(nil), st...)
			return false
		}
		return true
	})
	if site == nil {
		site = &ast.CallExpr{Fun: main.decl.Name, Lparen: main.decl.Name.End(), Rparen: main.decl.Name.End()}
	}
	var missing []string
	if !s.Signal {
		missing = append(missing, "no SIGTERM handling (signal.NotifyContext)")
	}
	if !s.Shutdown {
		missing = append(missing, "no (*http.Server).Shutdown")
	}
	msg := fmt.Sprintf("main serves HTTP without graceful shutdown: %s; Cloud Run's SIGTERM cuts in-flight requests", strings.Join(missing, " and "))
	var fix *analysis.SuggestedFix
	if !s.Signal && !s.Shutdown {
		fix = shutdownFix(pass.Pass, main.decl, site, stack)
	}
	pass.ReportAt(site.Pos(), site.End(), msg, fix)
}
