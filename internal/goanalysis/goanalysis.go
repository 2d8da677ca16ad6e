// Package goanalysis holds what xylint's go/analysis analyzers share: how a
// rule declares its analyzer (Def, NewRule, Plain: one declaration gives
// the vet tool's flags, the golangci-lint plugin's settings and the
// analyzer xylint's driver runs), how a finding is reported (Pass: typed in
// the analyzer's result, with the level, code and name before the message
// go vet and golangci-lint show, the code as Category), how a file is
// walked (inspect.Analyzer's inspector, WithStack), how a call's callee is
// resolved with type information, and which functions serve HTTP requests
// (RequestScopeAnalyzer) or run at start-up (StartupScopeAnalyzer), which
// analyzers Require. It has no cgo: the golangci-lint plugin imports it.
package goanalysis

import (
	"go/ast"
	"go/constant"
	"go/format"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/xynergy/xylint/internal/lint"
)

// Prefix is the start of every message an analyzer of rule r reports at
// level sev: "warning: XY005 print-call: ". go vet and golangci-lint show
// only the message (and golangci-lint the linter name "xylint"), so the
// message is what tells a reader which rule fired and at which level
// (xylint's own driver reads them typed, from the analyzer's result). The level comes first, as in compilers' messages and
// xylint's text output ("main.go:11:2: warning: XY005 print-call: ..."), so
// that problem matchers classify it and golangci-lint's severity rules can
// match it (text: "^note: ").
func Prefix(r *lint.Rule, sev lint.Severity) string {
	return sev.String() + ": " + r.Code + " " + r.Name + ": "
}

// DropBelow returns a copy of a (an xylint analyzer) that does not report
// the findings whose level does not reach failOn() (read when the analyzer
// runs, so that a command-line flag parsed after the analyzers were built
// can set it). go vet and golangci-lint fail on every diagnostic they
// print, so there a level that should not fail the run is left out of the
// report: notes by default. The findings' levels come from the analyzer's
// result (Findings), typed. xylint's own driver runs the analyzers
// unwrapped and applies --fail-on to the exit status instead.
func DropBelow(a *analysis.Analyzer, failOn func() lint.FailOn) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(analysis.Diagnostic) {} // reported below, from the result
		res, err := a.Run(pass)
		pass.Report = report
		f := failOn()
		for _, x := range ResultFindings(res) {
			if f.Fails(x.Severity) {
				report(x.Diagnostic)
			}
		}
		return res, err
	}
	return &b
}

// Callee is the function or method a call statically calls, or nil (calls
// of function values, interface methods and conversions).
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether fn is the package-level function pkgPath.name for
// one of names.
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if sig, ok := fn.Type().(*types.Signature); !ok || sig.Recv() != nil {
		return false
	}
	return nameIn(fn.Name(), names)
}

// IsMethod reports whether fn is a method named one of names whose receiver's
// named type is pkgPath.typeName (pointer or not). A method promoted from
// an embedded type reports the embedded type, as go/types does.
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil {
		return false
	}
	if !nameIn(fn.Name(), names) {
		return false
	}
	return IsNamed(sig.Recv().Type(), pkgPath, typeName)
}

// IsNamed reports whether t (or *t) is the named type pkgPath.name.
func IsNamed(t types.Type, pkgPath, name string) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := n.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == pkgPath && obj.Name() == name
}

// PkgPathIs reports whether path is one of the paths, or (for a path ending
// in "/...") below it. Vendored copies ("x/vendor/github.com/rs/cors") count.
func PkgPathIs(path string, paths ...string) bool {
	if i := strings.LastIndex(path, "/vendor/"); i >= 0 {
		path = path[i+len("/vendor/"):]
	}
	for _, p := range paths {
		if prefix, ok := strings.CutSuffix(p, "/..."); ok {
			if path == prefix || strings.HasPrefix(path, prefix+"/") {
				return true
			}
		} else if path == p {
			return true
		}
	}
	return false
}

func nameIn(name string, names []string) bool {
	if len(names) == 0 {
		return true
	}
	for _, n := range names {
		if n == name {
			return true
		}
	}
	return false
}

// StringValue is the constant string value of e (a literal, a constant or a
// constant expression), if it has one.
func StringValue(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// IsTestFile reports whether the file at pos is a _test.go file: tests print
// and discard errors on purpose.
func IsTestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go")
}

// IsGenerated reports whether f carries the standard "Code generated ... DO
// NOT EDIT." comment.
func IsGenerated(f *ast.File) bool { return ast.IsGenerated(f) }

// IsDocSample reports whether f is a documentation sample: it has a
// `// [START name]` line, the start of a region a documentation page
// quotes (golang-samples' snippets), as Python's role model reads
// `# [START name]` (internal/python/provenance).
func IsDocSample(f *ast.File) bool {
	for _, g := range f.Comments {
		for _, c := range g.List {
			text := strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
			if name, ok := strings.CutPrefix(text, "[START"); ok && strings.HasSuffix(name, "]") && strings.TrimSpace(strings.TrimSuffix(name, "]")) != "" && (name[0] == ' ' || name[0] == '\t') {
				return true
			}
		}
	}
	return false
}

// Inspector is the pass's inspect.Analyzer result: the analyzers that walk
// whole files Require inspect.Analyzer and walk its inspector (WithStack).
func Inspector(pass *analysis.Pass) *inspector.Inspector {
	return pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
}

// WithStack calls fn for every node of the pass's files, in depth-first
// order, with the stack of its ancestors (the file first, n last), leaving
// out the files skip reports (nil: none); fn returning false skips n's
// children. It walks the inspect.Analyzer's inspector, which the analyzer
// must Require.
func WithStack(pass *analysis.Pass, skip func(*ast.File) bool, fn func(n ast.Node, stack []ast.Node) bool) {
	Inspector(pass).WithStack(nil, func(n ast.Node, push bool, stack []ast.Node) bool {
		if !push {
			return true
		}
		if f, ok := n.(*ast.File); ok && skip != nil && skip(f) {
			return false
		}
		return fn(n, stack)
	})
}

// WalkStack is WithStack for one subtree (a function's body), without an
// inspector: fn is called for every node of root in depth-first order with
// the stack of its ancestors (root first, n last).
func WalkStack(root ast.Node, fn func(n ast.Node, stack []ast.Node) bool) {
	var stack []ast.Node
	ast.Inspect(root, func(n ast.Node) bool {
		if n == nil {
			stack = stack[:len(stack)-1]
			return true
		}
		stack = append(stack, n)
		if !fn(n, stack) {
			stack = stack[:len(stack)-1]
			return false
		}
		return true
	})
}

// Src is the source text of node n as it is in the file.
func Src(pass *analysis.Pass, n ast.Node) string {
	tf := pass.Fset.File(n.Pos())
	if pass.ReadFile != nil {
		if src, err := pass.ReadFile(tf.Name()); err == nil && tf.Size() == len(src) {
			return string(src[tf.Offset(n.Pos()):tf.Offset(n.End())])
		}
	}
	// Drivers without ReadFile: print the node (comments inside it are lost).
	var buf strings.Builder
	if err := format.Node(&buf, pass.Fset, n); err != nil {
		return ""
	}
	return buf.String()
}

// IsPkgVar reports whether e refers to the package-level variable
// pkgPath.name (os.Stdout, http.DefaultClient).
func IsPkgVar(info *types.Info, e ast.Expr, pkgPath string, names ...string) bool {
	var id *ast.Ident
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	default:
		return false
	}
	v, ok := info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == pkgPath && v.Parent() == v.Pkg().Scope() && nameIn(v.Name(), names)
}

// ListFlag is a flag.Value over a list option: "a,b,c" replaces the list
// (an empty value empties it). The vet tool's flags (-directclient.pool-packages)
// write through it into the same Options struct the config and the
// golangci-lint settings fill.
type ListFlag struct{ List *[]string }

func (f ListFlag) String() string {
	if f.List == nil {
		return ""
	}
	return strings.Join(*f.List, ",")
}

func (f ListFlag) Set(s string) error {
	*f.List = nil
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*f.List = append(*f.List, v)
		}
	}
	return nil
}

// MatchPackage reports whether package path matches one of patterns: a
// pattern is an import path, a path ending in "/..." (the subtree), or a
// trailing part of a path ("shared/httpclient" matches
// "example.com/svc/shared/httpclient").
func MatchPackage(path string, patterns []string) bool {
	for _, p := range patterns {
		if prefix, ok := strings.CutSuffix(p, "/..."); ok {
			if path == prefix || strings.HasPrefix(path, prefix+"/") || strings.Contains(path, "/"+prefix+"/") || strings.HasSuffix(path, "/"+prefix) {
				return true
			}
			continue
		}
		if path == p || strings.HasSuffix(path, "/"+p) {
			return true
		}
	}
	return false
}

// InOnce reports whether the innermost-last stack is inside the function
// given to sync.Once.Do, sync.OnceFunc, sync.OnceValue or sync.OnceValues:
// code that runs once per process, however often its caller runs.
func InOnce(info *types.Info, stack []ast.Node) bool {
	for _, n := range stack {
		if call, ok := n.(*ast.CallExpr); ok && IsOnceCall(info, call) {
			return true
		}
	}
	return false
}

// IsOnceCall reports whether call runs its function argument once.
func IsOnceCall(info *types.Info, call *ast.CallExpr) bool {
	fn := Callee(info, call)
	return IsMethod(fn, "sync", "Once", "Do") || IsFunc(fn, "sync", "OnceFunc", "OnceValue", "OnceValues")
}
