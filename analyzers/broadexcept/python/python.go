// Package python is XY004 broad-except's Python detection (the rule's
// documentation is in the parent package).
//
// Decisions beyond the documentation:
//   - A re-raise anywhere in the handler counts, also inside an if/else
//     branch or a loop: the rule does not prove that every path re-raises
//     (neither does Ruff's BLE001); a handler that re-raises on some path is
//     a deliberate filter, not a swallow. Raises inside functions, classes
//     or lambdas defined in the handler do not count, nor does a bare
//     `raise` inside a nested except clause (it re-raises the inner
//     exception).
//   - `raise X(...)` without `from e` is reported: the original traceback
//     then survives only as implicit context, and usually never reaches a log
//     (as Ruff).
//   - Logging counts only with a traceback, and only inside the handler
//     (not in nested definitions).
//   - `traceback.print_exc()` and friends are not logging, but such a
//     handler does not swallow the error either: it is reported at warning
//     severity.
package python

import (
	"iter"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/broadexcept"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY004 broad-except for Python.
var Analyzer = pyanalysis.New(broadexcept.Rule, broadexcept.OptionsSpec, pyanalysis.Def[*broadexcept.Config]{
	Kinds: slices.Concat([]syntax.Kind{syntax.KindExceptClause, syntax.KindExceptGroupClause, syntax.KindWithStatement, syntax.KindFunctionDefinition}, roles.Kinds),
	// Every broad handler names Exception or BaseException, or is a bare
	// `except:`; a helper that exits or records the exception for handlers
	// in other files (project.go) exits or logs "exception"/exc_info; the
	// files of the role model (the entry points that make a handler service
	// code or a command-line program's) have its markers.
	Prefilter: &pyanalysis.Prefilter{
		Any:   slices.Concat([]string{"Exception", "except:", "except :", "except\t:", "exit(", "Exit(", "exception", "exc_info"}, roles.ServiceMarkers, roles.CommandMarkers),
		Match: roles.ServiceMatch,
	},
	FactTypes: []pyanalysis.Fact{(*fileFact)(nil), (*roles.File)(nil)},
	Project:   projectPhase,
	Excludes:  func(o *broadexcept.Config, path string) bool { return o.Exclude.Match(path) },
	Run:       run,
})

func run(pass *pyanalysis.Pass, opts *broadexcept.Config) error {
	c := checker{pass: pass, r: pass.Names, opts: opts, loggerNames: opts.LoggerNames}
	for _, k := range []syntax.Kind{syntax.KindExceptClause, syntax.KindExceptGroupClause} {
		for _, clause := range pass.Nodes(k) {
			c.check(clause)
		}
	}
	for _, w := range pass.Nodes(syntax.KindWithStatement) {
		c.checkSuppress(w)
	}
	if helpers := c.helpers(); len(helpers) > 0 || len(c.pending) > 0 {
		pass.ExportFact(&fileFact{Helpers: helpers, Pending: c.pending})
	}
	if f := roles.Collect(pass); f != nil {
		pass.ExportFact(f)
	}
	return nil
}

// checkSuppress reports `with contextlib.suppress(Exception):` (or
// BaseException, among other types too): a broad handler whose body is
// `pass`, written as a context manager.
func (c *checker) checkSuppress(with syntax.Node) {
	for clause := range with.NamedChildren() {
		if clause.Is(syntax.KindBlock) {
			continue
		}
		for item := range clause.NamedChildren() {
			if !item.Is(syntax.KindWithItem) {
				continue
			}
			call := item.FirstNamedChild()
			if call.Is(syntax.KindAsPattern) {
				call = call.FirstNamedChild()
			}
			if !call.Is(syntax.KindCall) || !c.r.Refers(call.ChildByField(syntax.FieldFunction), "contextlib.suppress") {
				continue
			}
			for arg := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
				if name, ok := c.broadName(arg); ok {
					d := c.pass.Diagnostic(call, "`suppress(%s)` swallows every exception its block raises", name)
					msg, sev := "swallows every exception its block raises", lint.Error
					body := with.ChildByField(syntax.FieldBody)
					if says, quote := c.saysAbove(with); says != saysNothing {
						msg, sev = msg+commentMessage(says, "the comment above the with", quote), lint.Note
					} else if !body.IsZero() && c.optionalAction(body) {
						msg, sev = msg+"; a note because its block only does "+c.actionKind(body)+", a best-effort action: its failure costs the program nothing it needs, but goes unseen", lint.Note
					}
					if sev == lint.Note {
						d.Message, d.Severity = "`suppress("+name+")` "+msg, sev
						c.pass.Report(d)
						break
					}
					c.pending = append(c.pending, pending{Range: d.Range, What: "`suppress(" + name + ")`",
						Message: msg, Severity: sev,
						Chain: roles.Chain(call), Outside: c.outsideSuppress(with)})
					break
				}
			}
		}
	}
}

type checker struct {
	pass        *pyanalysis.Pass
	r           *names.Resolver
	opts        *broadexcept.Config
	loggerNames []string
	fx          *fixer    // built on the first fix
	pending     []pending // handlers the project phase decides (project.go)
}

func (c *checker) check(clause syntax.Node) {
	h := parseHandler(clause)
	if h.body.IsZero() {
		return // a clause the parser could not complete
	}
	what, ok := c.broad(h)
	if !ok {
		return
	}
	h.texts = c.texts(h)
	f := c.scanBody(h)
	if !strings.Contains(what, "BaseException") && !strings.HasPrefix(what, "bare") {
		// A bare except and BaseException also catch cancellation, exits
		// and Ctrl-C: never only a fallback.
		f.guards, f.cleanup, f.logsOnly = c.guarded(h)
	}
	f.answersBool = answersBool(h)
	f.returnsText = c.returnsText(h)
	f.toClient = !f.returnsText && c.textToClient(h)
	f.fallsBack = fallsBack(h)
	f.failText = c.failText(h)
	f.collects = c.collects(h)
	f.errorResult = c.errorResult(h)
	v := f.judge(c.swallows(h.body))
	if !v.report {
		return
	}
	c.adjust(h, what, &v)
	d := c.pass.Diagnostic(clause, "%s %s", what, v.message)
	d.Range = c.pass.File.Lines.Range(clause.Start(), h.header)
	d.Severity = v.severity
	d.Fix = c.fix(h, v.swallows, f)
	if len(f.calls) > 0 || d.Severity > lint.Note {
		// A helper of the project's may exit or record it, and the role of
		// the code (roles.go) may make it less costly: decided once every
		// file's helpers and entry points are known.
		c.pending = append(c.pending, pending{Range: d.Range, What: what, Message: v.message, Severity: d.Severity,
			Fix: d.Fix, Says: f.says || f.exitSays, Calls: f.calls, Chain: roles.Chain(clause), Outside: c.outside(h, v, f)})
		return
	}
	c.pass.Report(d)
}

// handler is the parts of an except clause.
type handler struct {
	clause syntax.Node
	group  bool        // except*
	typ    syntax.Node // the caught type expression; zero for a bare except or a list
	// list holds the types of a clause that lists several without
	// parentheses, as Python 3.14 allows (PEP 758: `except A, B:` catches A
	// or B, as `except (A, B):` does; Python 2 read it as `except A as B`).
	list   []syntax.Node
	name   []byte          // the `as` name, or nil
	texts  map[string]bool // the `as` name and variables holding text made from it (scanBody)
	body   syntax.Node     // block
	header int             // end offset of the clause's header (before the colon)
}

func parseHandler(clause syntax.Node) handler {
	h := handler{clause: clause, group: clause.Is(syntax.KindExceptGroupClause)}
	h.header = clause.Start() + len("except")
	for c := range clause.Children() {
		switch {
		case c.Is(syntax.KindBlock):
			h.body = c
		case c.TextIs("*") && !c.IsNamed():
			h.group = true
			h.header = c.End()
		case c.IsNamed() && !c.IsExtra() && h.body.IsZero() && (!h.typ.IsZero() || len(h.list) > 0):
			// A further type: the clause is a PEP 758 list.
			if !h.typ.IsZero() {
				h.list, h.typ, h.name = append(h.list, h.typ), syntax.Node{}, nil
			}
			h.list = append(h.list, c)
			h.header = c.End()
		case c.IsNamed() && !c.IsExtra() && h.body.IsZero():
			t := c
			if t.Is(syntax.KindAsPattern) {
				if target := t.ChildOfKind(syntax.KindAsPatternTarget); !target.IsZero() {
					h.name = target.Text()
				}
				t = t.FirstNamedChild()
			}
			if t.Is(syntax.KindListSplat) {
				// tree-sitter-python 0.23 parses `except* E` as a clause whose
				// value is the splat `*E`.
				h.group = true
				t = t.FirstNamedChild()
			}
			h.typ = t
			h.header = c.End()
		}
	}
	return h
}

// broad reports whether the handler catches every exception, and describes
// it for the message ("bare `except:`", "`except Exception`").
func (c *checker) broad(h handler) (string, bool) {
	kw := "except"
	if h.group {
		kw = "except*"
	}
	if h.typ.IsZero() && len(h.list) == 0 {
		return "bare `" + kw + ":`", true
	}
	for _, e := range h.list {
		if name, ok := c.broadName(e); ok {
			return "`" + kw + " ..., " + name + "`", true
		}
	}
	if len(h.list) > 0 {
		return "", false
	}
	t := h.typ.Unparen()
	if t.Is(syntax.KindTuple) {
		for e := range t.NamedChildren() {
			if name, ok := c.broadName(e); ok {
				return "`" + kw + " (..., " + name + ")`", true
			}
		}
		return "", false
	}
	if name, ok := c.broadName(t); ok {
		return "`" + kw + " " + name + "`", true
	}
	return "", false
}

func (c *checker) broadName(e syntax.Node) (string, bool) {
	switch q, _ := c.r.QualifiedName(e); q {
	case "builtins.Exception":
		return "Exception", true
	case "builtins.BaseException":
		return "BaseException", true
	}
	return "", false
}

// ownNodes yields the nodes of body in order, leaving out the functions,
// classes and lambdas defined in it: their code runs elsewhere.
func ownNodes(body syntax.Node) iter.Seq[syntax.Node] {
	return func(yield func(syntax.Node) bool) {
		t := body.Tree()
		for i, end := body.Index(), body.SubtreeEnd(); i < end; i++ {
			n := t.Node(i)
			if n.Is(syntax.KindFunctionDefinition) || n.Is(syntax.KindClassDefinition) || n.Is(syntax.KindLambda) {
				i = n.SubtreeEnd() - 1
				continue
			}
			if !yield(n) {
				return
			}
		}
	}
}

// logMethods are the logging methods and the level each logs at
// (tracebackLevel: `exception`, which logs the traceback).
var logMethods = map[string]level{
	"debug": debugLevel, "trace": debugLevel,
	"info": infoLevel, "success": infoLevel, "notice": infoLevel, "log": infoLevel,
	"log_text": infoLevel, "log_struct": infoLevel, // google.cloud.logging's Logger
	"warning": warningLevel, "warn": warningLevel,
	"error": errorLevel, "critical": errorLevel, "fatal": errorLevel,
	"exception": tracebackLevel,
}

// truthy is false only for values known to be false; exc_info=e,
// exc_info=sys.exc_info() and exc_info=flag count as truthy.
func truthy(v syntax.Node) bool {
	v = v.Unparen()
	switch v.Kind() {
	case syntax.KindFalse, syntax.KindNone:
		return false
	case syntax.KindInteger:
		return !v.TextIs("0")
	case syntax.KindString:
		return len(v.Text()) > 2 && !v.TextIs(`""`) && !v.TextIs(`''`)
	}
	return true
}

// isLogger reports whether recv is a logger: the logging module, a
// logging.getLogger()/structlog result, or a name that says it is a logger.
func (c *checker) isLogger(recv syntax.Node) bool {
	var last syntax.Node
	switch recv.Kind() {
	case syntax.KindIdentifier:
		last = recv
		if b := c.r.Lookup(recv); b != nil && b.Kind == names.Assignment && isGetLogger(c.r, b.Value) {
			return true
		}
	case syntax.KindAttribute:
		last = recv.ChildByField(syntax.FieldAttribute)
	case syntax.KindCall:
		// logging.getLogger(__name__).exception(...), get_run_logger().info,
		// a project's flow_run_logger(run).warning(...)
		if isGetLogger(c.r, recv) {
			return true
		}
		fn := recv.ChildByField(syntax.FieldFunction)
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		name := string(fn.Text())
		return fn.Is(syntax.KindIdentifier) && (loggerLike(name) || name == "get_logger" || name == "getLogger" || name == "get_run_logger")
	default:
		return false
	}
	if q, ok := c.r.QualifiedName(recv); ok {
		switch {
		case q == "logging" || q == "loguru.logger" || q == "logfire" || strings.HasPrefix(q, "structlog"):
			return true
		}
	}
	name := string(last.Text())
	for _, n := range c.loggerNames {
		if n == name {
			return true
		}
	}
	return loggerLike(name)
}

func isGetLogger(r *names.Resolver, v syntax.Node) bool {
	v = v.Unparen()
	if !v.Is(syntax.KindCall) {
		return false
	}
	return r.Refers(v.ChildByField(syntax.FieldFunction),
		"logging.getLogger", "structlog.get_logger", "structlog.getLogger", "logging.LoggerAdapter")
}

// loggerLike reports whether a variable's name says it is a logger: log,
// logger, _logger, LOGGER, app_logger, log_, request_log, ...
func loggerLike(name string) bool {
	n := strings.Trim(strings.ToLower(name), "_0123456789")
	return n == "log" || n == "logger" || n == "logging" ||
		strings.HasSuffix(n, "logger") || strings.HasSuffix(n, "_log") ||
		strings.HasPrefix(n, "log_") || strings.HasPrefix(n, "logger_")
}

// swallows reports whether the handler's body does nothing with the
// exception: only pass, ..., continue, break, a return of nothing or of a
// constant, docstrings and prints.
func (c *checker) swallows(body syntax.Node) bool {
	empty := true
	for st := range body.NamedChildren() {
		empty = false
		switch st.Kind() {
		case syntax.KindPassStatement, syntax.KindContinueStatement, syntax.KindBreakStatement:
		case syntax.KindReturnStatement:
			if v := st.FirstNamedChild(); !v.IsZero() && !constant(v) {
				return false
			}
		case syntax.KindExpressionStatement:
			e := st.FirstNamedChild()
			switch {
			case e.Is(syntax.KindEllipsis), e.Is(syntax.KindString) && !isFString(e):
			case e.Is(syntax.KindCall) && c.isPrint(e):
			default:
				return false
			}
		case syntax.KindPrintStatement:
		default:
			return false
		}
	}
	return !empty
}

func (c *checker) isPrint(call syntax.Node) bool {
	return c.r.Refers(call.ChildByField(syntax.FieldFunction), "builtins.print", "pprint.pprint", "pprint.pp")
}

// constant reports whether v is a literal that carries nothing of the
// exception: None, True/False, a number, a plain string or an empty
// collection.
func constant(v syntax.Node) bool {
	v = v.Unparen()
	switch v.Kind() {
	case syntax.KindNone, syntax.KindTrue, syntax.KindFalse, syntax.KindInteger, syntax.KindFloat:
		return true
	case syntax.KindString:
		return !isFString(v)
	case syntax.KindUnaryOperator:
		return constant(v.ChildByField(syntax.FieldArgument))
	case syntax.KindList, syntax.KindTuple:
		// An empty collection carries nothing; a tuple such as ("", 500) is
		// an error response, which is handling of a kind.
		return v.NamedChildCount() == 0
	}
	t := v.Text()
	return v.NamedChildCount() == 0 && len(t) > 0 && (t[0] == '{' || t[0] == '[' || t[0] == '(')
}

func isFString(s syntax.Node) bool {
	for _, b := range s.Text() {
		switch b {
		case 'f', 'F':
			return true
		case '"', '\'':
			return false
		}
	}
	return false
}
