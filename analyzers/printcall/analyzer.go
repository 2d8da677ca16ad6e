package printcall

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"

	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Go is the rule's Go side, for the registry (analyzers.Go). The Go
// analyzer reads no options.
var Go = goanalysis.Plain(Rule, goanalysis.Def[struct{}]{
	Name:     "printcall",
	Requires: []*analysis.Analyzer{inspect.Analyzer, goanalysis.RequestScopeAnalyzer, goanalysis.EntryScopeAnalyzer},
	Run:      run,
})

// Analyzer is XY005 print-call for Go. It has no options.
var Analyzer = Go.Analyzer

// A print is one call that writes to stdout/stderr outside the log.
type print struct {
	call   *ast.CallExpr
	what   string // "fmt.Println", "println", "log.Fatal"
	pkg    string // "fmt", "log" or "" for the builtins
	stderr bool   // fmt.Fprint* to os.Stderr
	level  string // slog function the fix calls; "" when the call cannot be fixed
	// msg is the fix's message argument (or arguments: a constant message
	// and key/value attributes, attrs.go); usesFmt says it calls
	// fmt.Sprint*; text is the printed text's start, when constant (its
	// words give the level: contextLevel).
	msg     string
	usesFmt bool
	text    string
	// errAttr is, for the print of one error value, its attribute
	// (`"err", err`): the message names the function it is in.
	errAttr string
	// unreached: outside package main, in a function nothing of its
	// package runs (goanalysis.EntryScopeAnalyzer: no handler, gRPC
	// method, init, main, function literal or callback reaches it).
	unreached bool
}

func run(pass *goanalysis.Pass, _ struct{}) error {
	isMain := pass.Pkg.Name() == "main"
	scope := goanalysis.RequestScopeOf(pass.Pass)
	entries := goanalysis.EntryScopeOf(pass.Pass)
	prints := map[*ast.File][]*print{}
	var file *ast.File
	var docSample bool
	skip := func(f *ast.File) bool {
		return goanalysis.IsTestFile(pass.Pass, f) || goanalysis.IsGenerated(f) || testSupport(f)
	}
	goanalysis.WithStack(pass.Pass, skip, func(n ast.Node, stack []ast.Node) bool {
		if f, ok := n.(*ast.File); ok {
			file, docSample = f, goanalysis.IsDocSample(f)
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		// In a main package printing is the program's output, except in
		// the code that serves requests.
		if isMain && !scope.Contains(stack) {
			return true
		}
		if p := classify(pass.Pass, call); p != nil {
			if p.level != "" {
				p.level = contextLevel(pass.TypesInfo, stack, p.text, p.level)
			}
			if p.errAttr != "" {
				p.msg = strconv.Quote(errMessage(stack)) + ", " + p.errAttr
			}
			p.unreached = !isMain && !entries.Contains(stack)
			// A documentation sample's function that nothing of its
			// package runs prints what the page shows: its output, as
			// Python's samples' prints are (docs/roles.md), not reported.
			if p.unreached && p.pkg != "log" && docSample {
				return true
			}
			prints[file] = append(prints[file], p)
		}
		return true
	})
	for _, f := range pass.Files {
		if !skip(f) {
			reportFile(pass, f, prints[f], isMain)
		}
	}
	return nil
}

// classify says whether call is a print, and how it could become a slog call.
func classify(pass *analysis.Pass, call *ast.CallExpr) *print {
	info := pass.TypesInfo
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := info.Uses[id].(*types.Builtin); ok && (b.Name() == "print" || b.Name() == "println") {
			p := &print{call: call, what: b.Name(), level: "Info"}
			if len(call.Args) > 0 {
				p.text, _ = goanalysis.StringValue(info, call.Args[0])
			}
			// The builtins format numbers their own way: only a single
			// string argument converts without changing the text.
			if len(call.Args) == 1 && isString(info, call.Args[0]) {
				p.msg = goanalysis.Src(pass, call.Args[0])
			} else {
				p.level = ""
			}
			return p
		}
		return nil
	}
	fn := goanalysis.Callee(info, call)
	args := call.Args
	p := &print{call: call}
	switch {
	case goanalysis.IsFunc(fn, "fmt", "Print", "Printf", "Println"):
		p.pkg, p.level = "fmt", "Info"
	case goanalysis.IsFunc(fn, "fmt", "Fprint", "Fprintf", "Fprintln"):
		// fmt.Fprint(w, ...) writes to w, which is output, not logging,
		// unless w is the process's stdout or stderr.
		if len(args) == 0 || !goanalysis.IsPkgVar(info, args[0], "os", "Stdout", "Stderr") {
			return nil
		}
		p.pkg, p.level = "fmt", "Info"
		if goanalysis.IsPkgVar(info, args[0], "os", "Stderr") {
			p.level, p.stderr = "Warn", true
		}
		args = args[1:]
	case goanalysis.IsFunc(fn, "log", "Print", "Printf", "Println"):
		p.pkg, p.level = "log", "Info"
	case goanalysis.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln"):
		// Exiting or panicking is behaviour a slog call does not have.
		p.pkg = "log"
	default:
		return nil
	}
	p.what = p.pkg + "." + fn.Name()
	if p.level == "" {
		return p
	}
	if call.Ellipsis.IsValid() || len(args) == 0 {
		p.level = ""
		return p
	}
	p.text, _ = goanalysis.StringValue(info, args[0])
	if strings.HasSuffix(fn.Name(), "f") {
		format := trimNewline(pass, args[0])
		src := func(n ast.Node) string { return goanalysis.Src(pass, n) }
		if len(args) == 1 && isConstWithoutVerbs(info, args[0]) {
			p.msg = format
		} else if m, ok := attrsMessage(pass, args[0], args[1:], src); ok {
			p.msg = m
		} else {
			rest := make([]string, 0, len(args))
			rest = append(rest, format)
			for _, a := range args[1:] {
				rest = append(rest, goanalysis.Src(pass, a))
			}
			p.msg, p.usesFmt = "Sprintf("+strings.Join(rest, ", ")+")", true
		}
		return p
	}
	// Print and Println of one operand print the same text (Println adds
	// the newline that a log record has anyway); several operands differ
	// in spacing, so they are not fixed.
	if len(args) != 1 {
		p.level = ""
		return p
	}
	if isString(info, args[0]) {
		p.msg = trimNewline(pass, args[0])
	} else if isError(info, args[0]) {
		// `fmt.Println(err)`: slog.Error(fmt.Sprint(err)) would be a record
		// whose message is the error's text and has no attribute to find it
		// by; the error goes in "err" under a constant message that says
		// where (run: errMessage), at Error as the error path's level.
		key := attrKey(info, args[0])
		if key == "" || reservedKeys[key] {
			key = "err"
		}
		p.errAttr = strconv.Quote(key) + ", " + goanalysis.Src(pass, args[0])
		p.msg = `"error", ` + p.errAttr
		p.level = "Error"
	} else {
		p.msg, p.usesFmt = "Sprint("+goanalysis.Src(pass, args[0])+")", true
	}
	return p
}

func reportFile(pass *goanalysis.Pass, f *ast.File, prints []*print, isMain bool) {
	if len(prints) == 0 {
		return
	}
	// Imports that no call uses once every fix of the file is applied are
	// removed by each of those fixes (the edits are identical, and drivers
	// apply identical edits once); otherwise the fixed file would not
	// compile under golangci-lint --fix, which does not prune imports.
	removable := map[string]*ast.ImportSpec{}
	for _, pkg := range []string{"fmt", "log"} {
		spec := goanalysis.ImportSpec(f, pkg)
		if spec == nil {
			continue
		}
		fixed := 0
		kept := false
		for _, p := range prints {
			if p.pkg == pkg && p.level != "" {
				fixed++
			}
			if p.usesFmt && pkg == "fmt" {
				kept = true
			}
		}
		if !kept && fixed > 0 && fixed == goanalysis.PkgUses(pass.TypesInfo, f, spec) {
			removable[pkg] = spec
		}
	}
	for _, p := range prints {
		pass.ReportLevel(level(p), p.call.Pos(), p.call.End(), message(p, isMain), fix(pass.Pass, f, p, removable))
	}
}

// level is a print's: log.Print* is logging already — the line reaches the
// log with a timestamp, only without level and fields — so a note;
// fmt.Print*, the builtins (output, not logging), log.Fatal* and
// log.Panic* outside main (they end the process from library or request
// code) are warnings — except log.Fatal* and log.Panic* in a function
// nothing of its package runs (a documentation snippet called from
// another package's main, whose way to fail it is): a note, as XY003's
// clients built there are.
func level(p *print) lint.Severity {
	if strings.HasPrefix(p.what, "log.Print") || p.unreached && isExit(p) {
		return lint.Note
	}
	return lint.Warning
}

func isExit(p *print) bool {
	return strings.HasPrefix(p.what, "log.Fatal") || strings.HasPrefix(p.what, "log.Panic")
}

// testSupport reports whether f, a file that is not a _test.go file,
// imports the testing package: by Go's convention such a file is test
// support shared by several packages' tests (a TestMain's database, a
// harness, helpers taking a testing.TB) — production code does not import
// testing — and what it prints goes to a test run's output, as in a
// _test.go file.
func testSupport(f *ast.File) bool {
	for _, spec := range f.Imports {
		if spec.Path.Value == `"testing"` {
			return true
		}
	}
	return false
}

func message(p *print, isMain bool) string {
	where := ""
	if isMain {
		where = " in a request handler"
	}
	switch {
	case strings.HasPrefix(p.what, "log.Fatal") && isMain:
		return p.what + where + " exits the server on one request; answer with an error and log it with log/slog"
	case p.unreached && isExit(p):
		return p.what + " ends the process from a function nothing in its package runs (a sample's or a tool's way to fail, so a note; a warning once a handler calls it); return the error"
	case strings.HasPrefix(p.what, "log.Fatal"):
		return p.what + " exits the process from library code; return the error and log it with log/slog"
	case strings.HasPrefix(p.what, "log.Panic"):
		return p.what + where + " panics with an unstructured log line; return the error and log it with log/slog"
	case p.pkg == "log":
		return p.what + where + " writes an unstructured log line (logging without level or fields, so a note); use log/slog"
	case p.pkg == "" || p.stderr:
		return p.what + where + " writes to stderr; use log/slog"
	}
	return p.what + where + " writes to stdout instead of the log; use log/slog"
}

func fix(pass *analysis.Pass, f *ast.File, p *print, removable map[string]*ast.ImportSpec) *analysis.SuggestedFix {
	if p.level == "" {
		return nil
	}
	paths := []string{"log/slog"}
	if p.usesFmt {
		paths = append(paths, "fmt")
	}
	names, edits, ok := goanalysis.AddImports(pass, f, paths...)
	if !ok {
		return nil
	}
	slog, msg := names["log/slog"], p.msg
	if p.usesFmt {
		msg = names["fmt"] + "." + msg
	}
	edits = append(edits, analysis.TextEdit{
		Pos:     p.call.Pos(),
		End:     p.call.End(),
		NewText: []byte(slog + "." + p.level + "(" + msg + ")"),
	})
	if spec := removable[p.pkg]; spec != nil {
		rm := goanalysis.RemoveImport(pass.Fset, f, spec)
		if len(edits) > 0 && edits[0].Pos < rm.End && rm.Pos < edits[0].End {
			// A lone `import "fmt"`: AddImport rewrote that very
			// declaration; swap the import instead.
			edits[0] = analysis.TextEdit{Pos: spec.Pos(), End: spec.End(), NewText: []byte(`"log/slog"`)}
		} else {
			edits = append(edits, rm)
		}
	}
	return &analysis.SuggestedFix{Message: "Replace with slog." + p.level, TextEdits: edits}
}

func isString(info *types.Info, e ast.Expr) bool {
	t := info.TypeOf(e)
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isConstWithoutVerbs(info *types.Info, e ast.Expr) bool {
	s, ok := goanalysis.StringValue(info, e)
	return ok && !strings.Contains(s, "%")
}

// trimNewline is e's source with a trailing "\n" dropped from a string
// literal: a log record is a line already.
func trimNewline(pass *analysis.Pass, e ast.Expr) string {
	src := goanalysis.Src(pass, e)
	if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.HasSuffix(src, `\n"`) {
		return strings.TrimSuffix(src, `\n"`) + `"`
	}
	return src
}

// errMessage is the constant message of a printed error's record: "error
// in f", for the function it is in, so that records of several such
// prints tell apart; "error" in a function literal.
func errMessage(stack []ast.Node) string {
	for i := len(stack) - 1; i >= 0; i-- {
		switch n := stack[i].(type) {
		case *ast.FuncLit:
			return "error"
		case *ast.FuncDecl:
			return "error in " + n.Name.Name
		}
	}
	return "error"
}
