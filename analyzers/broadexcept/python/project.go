package python

import (
	"sort"

	"github.com/xynergy/xylint/analyzers/broadexcept"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// A handler often leaves the exception to a helper of the project's own:
// prefect's `exit_with_error(f"...: {exc}")` prints the message and raises
// SystemExit(1); a service's `report_error()` calls
// sentry_sdk.capture_exception(). Whether a call does that is known only
// where the helper is defined, often in another file. So the file pass
// exports, as facts, what its module-level functions do (helper) and the
// handlers it would report that call such functions (pending), and the
// project phase decides those handlers once every file's helpers are known.

// fileFact is what one file's pass exports.
type fileFact struct {
	Helpers map[string]helper // module-level functions that exit or record, by name
	Pending []pending
}

func (*fileFact) PyFact() {}

// helper is what calling a module-level function does to the exception
// being handled.
type helper struct {
	// Exits: the function always ends the program with a non-zero status
	// (an unconditional sys.exit(1), raise SystemExit(code) with a non-zero
	// default code, typer.Exit(code=1)); Says: it says something first, or
	// the exit carries a message.
	Exits, Says bool
	// Records: it records the current exception's traceback
	// (logger.exception, exc_info=, capture_exception, traceback.print_exc).
	Records bool
}

// pending is a broad handler the file pass would report, which calls
// functions of the project that may exit or record.
type pending struct {
	Range    lint.Range
	What     string // "`except Exception`"
	Message  string
	Severity lint.Severity
	Fix      *lint.Fix
	Says     bool // the handler itself says something (a print, a log, the exception's text in a call)
	Calls    []helperCall
	// Chain are the functions around the handler, innermost first
	// (roles.Chain), whose role decides Outside.
	Chain   []string `json:",omitempty"`
	Outside outside  `json:",omitempty"`
}

// helperCall is a call in a handler of a function the project may define.
type helperCall struct {
	Ref project.Ref
	// Always: the call is not inside an if, a loop or a try of the handler,
	// so an exit in it ends every path.
	Always bool
}

// calleeRef names the function a call in a handler calls, when the project
// may define it: a module-level function of the file, or a name imported
// (`from app.cli import fail`, `cli_utils.fail`). The zero Ref for methods,
// locals and builtins.
func (c *checker) calleeRef(fn syntax.Node) project.Ref {
	fn = fn.Unparen()
	if fn.Is(syntax.KindIdentifier) {
		return project.DefinitionRef(c.r, fn)
	}
	if fn.Is(syntax.KindAttribute) {
		obj := fn.ChildByField(syntax.FieldObject).Unparen()
		if b := c.r.Lookup(obj); obj.Is(syntax.KindIdentifier) && b != nil && b.Kind == names.Import {
			return project.ImportedRef(b.Qualified + "." + string(fn.ChildByField(syntax.FieldAttribute).Text()))
		}
	}
	return project.Ref{}
}

// helpers reads what the file's module-level functions do (helper), for
// the facts.
func (c *checker) helpers() map[string]helper {
	var out map[string]helper
	for _, def := range c.pass.Nodes(syntax.KindFunctionDefinition) {
		if c.r.ScopeAt(def) != c.r.ModuleScope() {
			continue
		}
		h := c.helper(def)
		if !h.Exits && !h.Records {
			continue
		}
		if out == nil {
			out = map[string]helper{}
		}
		out[string(def.ChildByField(syntax.FieldName).Text())] = h
	}
	return out
}

// helper reads one function: whether a statement of its body (not inside
// an if, a loop or a try) ends the program with a non-zero status, and
// whether anything in it records the current exception.
func (c *checker) helper(def syntax.Node) helper {
	var h helper
	body := def.ChildByField(syntax.FieldBody)
	for st := range body.NamedChildren() {
		var call, exc syntax.Node
		switch {
		case st.Is(syntax.KindRaiseStatement):
			exc = st.FirstNamedChild()
		case st.Is(syntax.KindExpressionStatement) && st.FirstNamedChild().Is(syntax.KindCall):
			call = st.FirstNamedChild()
		default:
			continue
		}
		if !exc.IsZero() && exc.Field() != syntax.FieldCause {
			if c.exitsNonZero(def, exc) {
				h.Exits, h.Says = true, h.Says || exitMessage(exc)
				break
			}
			continue
		}
		if call.IsZero() {
			continue
		}
		fn := call.ChildByField(syntax.FieldFunction)
		if c.r.Refers(fn, "sys.exit", "builtins.exit", "builtins.quit", "os._exit") {
			if v := call.ChildByField(syntax.FieldArguments).Argument(0, "status"); c.statusNonZero(def, v) {
				h.Exits, h.Says = true, h.Says || exitMessage(call)
				break
			}
			continue
		}
		// Whatever it calls before exiting (console.print(message),
		// typer.echo(...)) is what it says.
		h.Says = true
	}
	for n := range ownNodes(body) {
		switch n.Kind() {
		case syntax.KindCall:
			fn := n.ChildByField(syntax.FieldFunction)
			args := n.ChildByField(syntax.FieldArguments)
			if c.records(fn) || truthyKeyword(args, "exc_info") || truthyKeyword(args, "_exc_info") ||
				fn.Is(syntax.KindAttribute) && fn.ChildByField(syntax.FieldAttribute).TextIs("exception") &&
					c.isLogger(fn.ChildByField(syntax.FieldObject).Unparen()) {
				h.Records = true
			}
		}
	}
	return h
}

// exitsNonZero reports whether raising exc from def ends the program with a
// non-zero status; the status may be a parameter's default
// (`def exit_with_error(message, code=1): ... raise SystemExit(code)`).
func (c *checker) exitsNonZero(def, exc syntax.Node) bool {
	exc = exc.Unparen()
	if !exc.Is(syntax.KindCall) {
		return false
	}
	if _, ok := c.exitCode(exc); !ok {
		return false
	}
	return c.statusNonZero(def, exc.ChildByField(syntax.FieldArguments).Argument(0, "code"))
}

// statusNonZero is nonZeroStatus, reading a parameter of def as its
// default (a parameter without one: what callers pass, taken as non-zero).
func (c *checker) statusNonZero(def, v syntax.Node) bool {
	v = v.Unparen()
	if v.Is(syntax.KindIdentifier) {
		if b := c.r.Lookup(v); b != nil && b.Kind == names.Parameter {
			p := b.Node.Parent()
			if d := p.ChildByField(syntax.FieldValue); !d.IsZero() && (p.Is(syntax.KindDefaultParameter) || p.Is(syntax.KindTypedDefaultParam)) {
				return nonZeroStatus(d)
			}
			return true
		}
	}
	return nonZeroStatus(v)
}

func truthyKeyword(args syntax.Node, name string) bool {
	v := args.KeywordArg(name)
	return !v.IsZero() && truthy(v)
}

// projectPhase decides the pending handlers: a call of a helper that
// records the exception, or that always exits non-zero (having said
// something, or after the handler did), means the handler hides nothing;
// a helper that exits without a word makes the finding a note; otherwise
// the handler is reported as the file pass judged it.
func projectPhase(pass *pyanalysis.ProjectPass, _ func(path string) *broadexcept.Config) error {
	var m *roles.Model // built once a finding needs it
	helpers := project.NewDefs[helper](pass.Modules)
	var files []*pyanalysis.FileFacts
	for _, f := range pass.Files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			for name, h := range ff.Helpers {
				helpers.Add(f.Path, name, false, h)
			}
			if len(ff.Pending) > 0 {
				files = append(files, f)
			}
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for _, f := range files {
		if !pass.Wants(f.Path) {
			continue
		}
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			for _, p := range ff.Pending {
				if m == nil && p.Severity > lint.Note {
					m = roles.Of(pass)
				}
				decide(pass, f.Path, p, helpers, m)
			}
		}
	}
	return nil
}

func decide(pass *pyanalysis.ProjectPass, path string, p pending, helpers *project.Defs[helper], m *roles.Model) {
	exits, says := false, p.Says
	for _, call := range p.Calls {
		h, _, ok := helpers.Lookup(path, call.Ref)
		if !ok {
			continue
		}
		if h.Records {
			return
		}
		if h.Exits && call.Always {
			exits, says = true, says || h.Says
		}
	}
	d := lint.Diagnostic{Rule: pass.Analyzer.Rule, Path: path, Range: p.Range, Message: p.What + " " + p.Message, Severity: p.Severity, Fix: p.Fix}
	switch {
	case exits && says:
		return
	case exits:
		d.Severity, d.Message, d.Fix = lint.Note, p.What+" "+silentExit, nil
	case d.Severity > lint.Note:
		role, _ := m.Role(path, p.Chain)
		d.Severity, d.Message = p.Outside.level(role, d.Severity, d.Message)
		if d.Severity == lint.Note && (p.Outside == lowerFallback || p.Outside == lowerFallbackAfter || p.Outside == lowerOptional) {
			// A program that falls back, or lets a best-effort action go,
			// on purpose: a traceback logged there reaches the person
			// running it (logging's last resort prints it) for a failure
			// the program already answers. No fix.
			d.Fix = nil
		}
	}
	pass.Report(d)
}
