// Package python is XY005 print-call's Python detection (the rule's
// documentation is in the parent package): calls of the builtin print and of
// pprint.pprint / pprint.pp, resolved through imports and shadowing.
package python

import (
	"path"
	"slices"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY005 print-call for Python.
var Analyzer = pyanalysis.New(printcall.Rule, printcall.OptionsSpec, pyanalysis.Def[*printcall.Config]{
	Kinds: slices.Concat([]syntax.Kind{syntax.KindCall, syntax.KindPrintStatement, syntax.KindDecorator}, roles.Kinds),
	// Files that print ("print" is also in "pprint" and "builtins.print"),
	// the files of the role model: the entry points that make a print
	// service code or a command-line program's output, and the files that
	// set logging up for the program (showsInfo).
	Prefilter: &pyanalysis.Prefilter{
		Any:   slices.Concat([]string{"print"}, roles.ServiceMarkers, roles.CommandMarkers, SetupMarkers),
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
	// ShowsInfo: the file sets logging up so that INFO records are shown
	// (showsInfo), for every print of its program.
	ShowsInfo bool `json:",omitempty"`
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
	// Quiet: the fix logs at INFO on a logger the program must set up
	// (not the shared logger of logger-import); where nothing in the
	// program shows INFO records the fix is withheld.
	Quiet bool `json:",omitempty"`
	// Exit is the exit right after the print (exitsAfter), or "".
	Exit string `json:",omitempty"`
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
		if allowMain && roles.InMainBlock(call) || loggingFallback(call) || forwardsVarargs(call) || prompts(pass.Names, call) || capturedByPrefect(pass.Names, pass.Nodes(syntax.KindDecorator), call) {
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
		level := ""
		if fx.ctx.withheld(pass.Names, call) == "" {
			fix, level = fx.fix(call, q)
		}
		exit := exitsAfter(pass.Names, call)
		if exit != "" {
			fix = nil // logging may not be set up when a program dies
		}
		out.Sites = append(out.Sites, site{
			Range: pass.File.Lines.Range(call.Start(), call.End()),
			Name:  name, Chain: roles.Chain(call), Fix: fix,
			NoLogging: fix != nil && fx.ctx.noLogging,
			Quiet:     fix != nil && level == "info" && !fx.usesShared(),
			Exit:      exit,
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
	// A migration's setup (Alembic's env.py) is the migration command's.
	out.ShowsInfo = showsInfo(pass.Names, pass.File.Root, pass.Nodes(syntax.KindCall)) && !roles.MigrationOf(pass)
	if len(out.Sites) > 0 || out.ShowsInfo {
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
	var shown map[string]bool // roots whose files set logging up to show INFO
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
				switch {
				case role == roles.Library && s.NoLogging:
					// No service reaches it and nothing here logs: the
					// print may be the function's output to its caller,
					// which logger.info would drop.
					d.Fix = nil
				case s.Quiet:
					if shown == nil {
						shown = showingRoots(pp)
					}
					if !programShowsInfo(pp.Modules, shown, f.Path) {
						// Nothing in the program shows INFO records:
						// logger.info would drop what the print showed.
						d.Fix = nil
					}
				}
				what := "`" + s.Name + "` call"
				if s.Stmt {
					what = "`print` statement"
				}
				switch {
				case s.Exit != "":
					d.Severity = lint.Note
					d.Message = what + " right before the program exits (`" + s.Exit + "`): its last words, seen either way; a note"
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

// showingRoots are the roots (modules.Index.Root) of the files that set
// logging up to show INFO records.
func showingRoots(pp *pyanalysis.ProjectPass) map[string]bool {
	shown := map[string]bool{}
	for _, f := range pp.Files {
		for _, fact := range pyanalysis.FactsOf[*sites](pp, f) {
			if fact.ShowsInfo {
				shown[pp.Modules.Root(f.Path)] = true
			}
		}
	}
	return shown
}

// programShowsInfo reports whether the program of the file at p shows INFO
// records: a file of its root (the directory its module name is relative
// to: a service's directory, the top of its package) or of a root above it
// (the package tree a service's directory sits in, whose setup runs on its
// path) sets logging up so (see "Fix safety").
func programShowsInfo(x *modules.Index, shown map[string]bool, p string) bool {
	for r := x.Root(p); ; r = path.Dir(r) {
		if shown[r] {
			return true
		}
		if r == "." || r == "/" || r == "" {
			return false
		}
	}
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
