// Package python is XY005 print-call's Python detection (the rule's
// documentation is in the parent package): calls of the builtin print and of
// pprint.pprint / pprint.pp, resolved through imports and shadowing.
package python

import (
	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY005 print-call for Python.
var Analyzer = pyanalysis.New(printcall.Rule, printcall.OptionsSpec, pyanalysis.Def[*printcall.Config]{
	Kinds:     []syntax.Kind{syntax.KindCall, syntax.KindPrintStatement},
	Prefilter: &pyanalysis.Prefilter{Any: []string{"print"}}, // also in "pprint" and "builtins.print"
	Excludes:  func(o *printcall.Config, path string) bool { return o.Exclude.Match(path) },
	Run:       run,
})

// printers are the functions the rule reports, with the keyword argument that
// redirects their output.
var printers = map[string]string{
	"builtins.print": "file",
	"pprint.pprint":  "stream",
	"pprint.pp":      "stream",
}

func run(pass *pyanalysis.Pass, opts *printcall.Config) error {
	allowMain := opts.AllowInMain
	var fx *fixer
	for _, call := range pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction)
		if !mayBePrinter(fn) {
			continue
		}
		q, ok := pass.Names.QualifiedName(fn)
		if !ok {
			continue
		}
		kw, isPrinter := printers[q]
		if !isPrinter || redirected(pass.Names, call, kw) {
			continue
		}
		if allowMain && inMainBlock(call) {
			continue
		}
		name := "print"
		if q != "builtins.print" {
			name = q
		}
		d := pass.Diagnostic(call, "`%s` call; use the module logger", name)
		if fx == nil {
			fx = newFixer(pass, opts)
			fx.ctx = newFileContext(fx)
		}
		if fx.ctx.withheld(pass.Names, call) == "" {
			d.Fix = fx.fix(call, q)
		}
		pass.Report(d)
	}
	for _, st := range pass.Nodes(syntax.KindPrintStatement) {
		// Python 2's `print x`, which tree-sitter accepts; `print >>f, x`
		// writes to a file.
		if !st.ChildOfKind(syntax.KindChevron).IsZero() || allowMain && inMainBlock(st) {
			continue
		}
		pass.Reportf(st, "`print` statement; use the module logger")
	}
	return nil
}

// mayBePrinter is a cheap test that skips calls that cannot resolve to a
// name (method calls on call results, subscripts, ...).
func mayBePrinter(fn syntax.Node) bool {
	fn = fn.Unparen()
	for fn.Is(syntax.KindAttribute) {
		fn = fn.ChildByField(syntax.FieldObject).Unparen()
	}
	return fn.Is(syntax.KindIdentifier)
}

// redirected reports whether the call's output goes somewhere other than
// stdout/stderr: a `file=`/`stream=` argument that is not sys.stdout,
// sys.stderr or None.
func redirected(r *names.Resolver, call syntax.Node, kw string) bool {
	v := call.KeywordArg(kw).Unparen()
	if v.IsZero() || v.Is(syntax.KindNone) {
		return false
	}
	return !r.Refers(v, "sys.stdout", "sys.stderr", "sys.__stdout__", "sys.__stderr__")
}

// inMainBlock reports whether n is in the body of an
// `if __name__ == "__main__":` block (not its elif/else branches).
func inMainBlock(n syntax.Node) bool {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Is(syntax.KindIfStatement) && child.Field() == syntax.FieldConsequence && isMainTest(p.ChildByField(syntax.FieldCondition)) {
			return true
		}
	}
	return false
}

// isMainTest matches `__name__ == "__main__"` in either order.
func isMainTest(c syntax.Node) bool {
	c = c.Unparen()
	if !c.Is(syntax.KindComparisonOperator) || c.NamedChildCount() != 2 {
		return false
	}
	var sides [2]syntax.Node
	i := 0
	for s := range c.NamedChildren() {
		sides[i] = s
		i++
	}
	op := sides[0].NextSibling()
	if !op.TextIs("==") {
		return false
	}
	return isName(sides[0]) && isMainString(sides[1]) || isMainString(sides[0]) && isName(sides[1])
}

func isName(n syntax.Node) bool { return n.Is(syntax.KindIdentifier) && n.TextIs("__name__") }

func isMainString(n syntax.Node) bool {
	return n.Is(syntax.KindString) && (n.TextIs(`"__main__"`) || n.TextIs(`'__main__'`))
}
