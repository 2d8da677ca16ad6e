package missingshutdown

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/goanalysis"
)

// shutdownFix rewrites a plain http.ListenAndServe(addr, h) statement of
// main into an http.Server that is shut down on SIGTERM. It handles the
// three shapes the call has in practice:
//
//	http.ListenAndServe(addr, h)
//	log.Fatal(http.ListenAndServe(addr, h))          (any one-argument handler)
//	if err := http.ListenAndServe(addr, h); err != nil { ... }
//
// and gives up (no fix) on anything else, on names the new code would
// shadow or redeclare, and on handlers that leave main (return, goto).
func shutdownFix(pass *analysis.Pass, main *ast.FuncDecl, call *ast.CallExpr, stack []ast.Node) *analysis.SuggestedFix {
	info := pass.TypesInfo
	if !goanalysis.IsFunc(goanalysis.Callee(info, call), netHTTP, "ListenAndServe") || len(call.Args) != 2 || call.Ellipsis.IsValid() {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	httpName, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	// stack[0] is main's body; stack[1] the statement holding the call.
	if len(stack) < 2 || stack[0] != main.Body {
		return nil
	}
	stmt, ok := stack[1].(ast.Stmt)
	if !ok {
		return nil
	}
	var onError func(err string) string // the statement that handles a listen error
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		switch x := ast.Unparen(s.X).(type) {
		case *ast.CallExpr:
			if x == call {
				onError = nil // the original ignored the error; log.Fatal below
			} else if len(x.Args) == 1 && ast.Unparen(x.Args[0]) == call {
				fun := goanalysis.Src(pass, x.Fun)
				onError = func(err string) string { return fun + "(" + err + ")" }
			} else {
				return nil
			}
		default:
			return nil
		}
	case *ast.IfStmt:
		as, ok := s.Init.(*ast.AssignStmt)
		if !ok || as.Tok != token.DEFINE || len(as.Lhs) != 1 || len(as.Rhs) != 1 || ast.Unparen(as.Rhs[0]) != call || s.Else != nil {
			return nil
		}
		errID, ok := as.Lhs[0].(*ast.Ident)
		cond, ok2 := ast.Unparen(s.Cond).(*ast.BinaryExpr)
		if !ok || !ok2 || cond.Op != token.NEQ {
			return nil
		}
		if x, ok := ast.Unparen(cond.X).(*ast.Ident); !ok || x.Name != errID.Name {
			return nil
		}
		if leavesFunction(s.Body) {
			return nil
		}
		// The statements only: a comment after the "{" stays with the
		// replaced line rather than being copied into both handlers.
		body := ""
		if n := len(s.Body.List); n > 0 {
			body = srcRange(pass, s.Body.List[0].Pos(), s.Body.List[n-1].End())
		}
		name := errID.Name
		onError = func(err string) string {
			if name == err {
				return body
			}
			return name + " := " + err + "\n" + body
		}
	default:
		return nil
	}
	if declaresAny(info, main.Body, "srv", "ctx", "stop", "shutdownCtx", "cancel") {
		return nil
	}
	for _, name := range []string{"srv", "ctx", "stop", "shutdownCtx", "cancel"} {
		if obj := lookup(info, main, stmt.Pos(), name); obj != nil {
			return nil
		}
	}

	file := fileOf(pass, main)
	paths := []string{"context", "errors", "os", "os/signal", "syscall", "time"}
	if onError == nil {
		paths = append(paths, "log")
	}
	names, edits, ok := goanalysis.AddImports(pass, file, paths...)
	if !ok {
		return nil
	}
	// A local variable named like a package would capture the new code's
	// references.
	for _, name := range names {
		if obj := lookup(info, main, stmt.Pos(), name); obj != nil {
			if _, isPkg := obj.(*types.PkgName); !isPkg {
				return nil
			}
		}
	}
	if onError == nil {
		onError = func(err string) string { return names["log"] + ".Fatal(" + err + ")" }
	}
	h := httpName.Name
	addr := goanalysis.Src(pass, call.Args[0])
	server := "&" + h + ".Server{Addr: " + addr
	if tv, ok := info.Types[call.Args[1]]; !ok || !tv.IsNil() {
		server += ", Handler: " + goanalysis.Src(pass, call.Args[1])
	}
	server += "}"

	lines := []string{
		"ctx, stop := " + names["os/signal"] + ".NotifyContext(" + names["context"] + ".Background(), " + names["os"] + ".Interrupt, " + names["syscall"] + ".SIGTERM)",
		"defer stop()",
		"srv := " + server,
		"go func() {",
		"\tif err := srv.ListenAndServe(); !" + names["errors"] + ".Is(err, " + h + ".ErrServerClosed) {",
	}
	lines = append(lines, indent(onError("err"), "\t\t")...)
	lines = append(lines,
		"\t}",
		"}()",
		"<-ctx.Done()",
		"// Cloud Run sends SIGTERM and kills the container 10 seconds later.",
		"shutdownCtx, cancel := "+names["context"]+".WithTimeout("+names["context"]+".Background(), 9*"+names["time"]+".Second)",
		"defer cancel()",
		"if err := srv.Shutdown(shutdownCtx); err != nil {",
	)
	lines = append(lines, indent(onError("err"), "\t")...)
	lines = append(lines, "}")

	tf := pass.Fset.File(stmt.Pos())
	lineStart := tf.LineStart(tf.Line(stmt.Pos()))
	lead := strings.Repeat("\t", int(stmt.Pos()-lineStart)) // gofmt indents with tabs
	text := strings.Join(lines, "\n"+lead)
	edits = append(edits, analysis.TextEdit{Pos: stmt.Pos(), End: stmt.End(), NewText: []byte(text)})
	return &analysis.SuggestedFix{Message: "Serve with http.Server and shut it down on SIGTERM", TextEdits: edits}
}

// indent re-indents code (one or more lines, the first possibly without its
// original indentation) under prefix, keeping the relative indentation of
// the lines after the first.
func indent(code, prefix string) []string {
	lines := strings.Split(code, "\n")
	common := -1
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, "\t"))
		if common < 0 || n < common {
			common = n
		}
	}
	out := []string{prefix + strings.TrimSpace(lines[0])}
	for _, l := range lines[1:] {
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		out = append(out, prefix+strings.TrimRight(l[max(common, 0):], " \t"))
	}
	return out
}

// leavesFunction reports whether body has a return, goto, or a break or
// continue that targets something outside it: moved into a goroutine, those
// would change meaning.
func leavesFunction(body *ast.BlockStmt) bool {
	leaves := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			leaves = true
		case *ast.BranchStmt:
			if n.Tok != token.FALLTHROUGH {
				leaves = true
			}
		}
		return !leaves
	})
	return leaves
}

func declaresAny(info *types.Info, body *ast.BlockStmt, names ...string) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && info.Defs[id] != nil {
			for _, name := range names {
				if id.Name == name {
					found = true
				}
			}
		}
		return !found
	})
	return found
}

// lookup finds name in the scopes around pos in main (package and file
// scopes included; the universe is not).
func lookup(info *types.Info, main *ast.FuncDecl, pos token.Pos, name string) types.Object {
	scope := info.Scopes[main.Type]
	if scope == nil {
		return nil
	}
	inner := scope.Innermost(pos)
	if inner == nil {
		inner = scope
	}
	_, obj := inner.LookupParent(name, pos)
	if obj != nil && obj.Parent() == types.Universe {
		return nil
	}
	return obj
}

func fileOf(pass *analysis.Pass, n ast.Node) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= n.Pos() && n.Pos() <= f.FileEnd {
			return f
		}
	}
	return nil
}

func srcRange(pass *analysis.Pass, pos, end token.Pos) string {
	tf := pass.Fset.File(pos)
	if pass.ReadFile != nil {
		if src, err := pass.ReadFile(tf.Name()); err == nil && tf.Size() == len(src) {
			return string(src[tf.Offset(pos):tf.Offset(end)])
		}
	}
	return ""
}
