// Package python is XY005 print-call's Python detection (the rule's
// documentation is in the parent package): calls of the builtin print and of
// pprint.pprint / pprint.pp, resolved through imports and shadowing.
package python

import (
	"slices"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY005 print-call for Python.
var Analyzer = pyanalysis.New(printcall.Rule, printcall.OptionsSpec, pyanalysis.Def[*printcall.Config]{
	Kinds: slices.Concat([]syntax.Kind{syntax.KindCall, syntax.KindPrintStatement}, roles.Kinds),
	// Files that print ("print" is also in "pprint" and "builtins.print"),
	// and the files of the role model: the entry points that make a print
	// service code or a command-line program's output.
	Prefilter: &pyanalysis.Prefilter{
		Any:   slices.Concat([]string{"print"}, roles.ServiceMarkers, roles.CommandMarkers),
		Match: roles.ServiceMatch,
	},
	Excludes: func(o *printcall.Config, path string) bool { return o.Exclude.Match(path) },
	// Tests are excluded, but one that reads what a function prints
	// (capsys) says that function's prints are the program's output.
	ExcludedPrefilter: &pyanalysis.Prefilter{Any: roles.OutputMarkers},
	FactTypes:         []pyanalysis.Fact{(*sites)(nil), (*roles.File)(nil)},
	Run:               run,
	Project:           projectPhase,
})

// printers are the functions the rule reports, with the keyword argument that
// redirects their output.
var printers = map[string]string{
	"builtins.print": "file",
	"pprint.pprint":  "stream",
	"pprint.pp":      "stream",
}

// sites are a file's prints; the project phase reports those whose role
// (internal/python/roles) is not one the options allow prints in.
type sites struct {
	Sites []site
}

// PyFact marks sites as the rule's fact (pyanalysis.Fact).
func (*sites) PyFact() {}

// site is one print.
type site struct {
	Range lint.Range
	Name  string   // "print", "pprint.pprint"
	Stmt  bool     // a Python 2 print statement
	Chain []string // roles.Chain
	Fix   *lint.Fix
	// NoLogging: the file has no logger and sets no logging up; in library
	// code (no service reaches it) the print is then what the function shows
	// its caller, and the fix is withheld (see "Fix safety").
	NoLogging bool `json:",omitempty"`
}

func run(pass *pyanalysis.Pass, opts *printcall.Config) error {
	if pass.Excluded {
		if f := roles.OutputReads(pass); f != nil {
			pass.ExportFact(f)
		}
		return nil
	}
	allowMain := opts.AllowInMain
	var fx *fixer
	var out sites
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
		if allowMain && roles.InMainBlock(call) {
			continue
		}
		name := "print"
		if q != "builtins.print" {
			name = q
		}
		if fx == nil {
			fx = newFixer(pass, opts)
			fx.ctx = newFileContext(fx)
		}
		var fix *lint.Fix
		if fx.ctx.withheld(pass.Names, call) == "" {
			fix = fx.fix(call, q)
		}
		out.Sites = append(out.Sites, site{
			Range: pass.File.Lines.Range(call.Start(), call.End()),
			Name:  name, Chain: roles.Chain(call), Fix: fix,
			NoLogging: fix != nil && fx.ctx.noLogging,
		})
	}
	for _, st := range pass.Nodes(syntax.KindPrintStatement) {
		// Python 2's `print x`, which tree-sitter accepts; `print >>f, x`
		// writes to a file.
		if !st.ChildOfKind(syntax.KindChevron).IsZero() || allowMain && roles.InMainBlock(st) {
			continue
		}
		out.Sites = append(out.Sites, site{Range: pass.File.Lines.Range(st.Start(), st.End()), Name: "print", Stmt: true, Chain: roles.Chain(st)})
	}
	if len(out.Sites) > 0 {
		pass.ExportFact(&out)
	}
	if f := roles.Collect(pass); f != nil {
		pass.ExportFact(f)
	}
	return nil
}

// projectPhase reports the prints whose role the file's options do not
// allow prints in: a command-line program's or a script's print is its
// output (allow-in-roles); service code's goes to a log collector as
// unstructured text, without level, logger or request.
func projectPhase(pp *pyanalysis.ProjectPass, opts func(path string) *printcall.Config) error {
	var m *roles.Model
	for _, f := range pp.Files {
		if !pp.Wants(f.Path) {
			continue
		}
		for _, fact := range pyanalysis.FactsOf[*sites](pp, f) {
			if m == nil {
				m = roles.Of(pp)
			}
			o := opts(f.Path)
			for _, s := range fact.Sites {
				role, via := m.Role(f.Path, s.Chain)
				if o.AllowInRoles[role] {
					continue
				}
				d := lint.Diagnostic{Rule: pp.Analyzer.Rule, Severity: lint.Warning, Path: f.Path, Range: s.Range, Fix: s.Fix}
				if role == roles.Library && s.NoLogging {
					// No service reaches it and nothing here logs: the
					// print may be the function's output to its caller,
					// which logger.info would drop.
					d.Fix = nil
				}
				what := "`" + s.Name + "` call"
				if s.Stmt {
					what = "`print` statement"
				}
				switch {
				case role == roles.Service && via.Desc != "":
					d.Message = what + " in service code (reached from " + via.Desc + "); use the module logger"
				case role == roles.Service:
					d.Message = what + " in service code; use the module logger"
				case role != roles.Library:
					d.Message = what + " in " + role.Describe() + "; use the module logger"
				default:
					d.Message = what + "; use the module logger"
				}
				pp.Report(d)
			}
		}
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
