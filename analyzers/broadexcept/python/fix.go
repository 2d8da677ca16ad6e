package python

import (
	"bytes"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// The fix (unsafe):
//
//   - Narrowing: when every call in the `try` body is known (see
//     exceptions.go) and the body raises nothing itself, the broad type
//     becomes the exceptions those calls raise, with the imports they need:
//     `except Exception as e:` → `except (json.JSONDecodeError, httpx.HTTPError) as e:`;
//     a subscript adds LookupError (KeyError for dicts, IndexError for
//     lists); in a tuple, or a list of types without parentheses (PEP
//     758), only the broad member is replaced; a bare `except:` gets the
//     types too. Errors the body did not expect (a TypeError, a
//     bug) then propagate: that is the point, and why the fix is unsafe.
//   - Otherwise, a handler that swallows the exception gets
//     `logger.exception("ignored exception in f()")` (its only `pass` is
//     replaced, else the call goes first in the handler), with the module
//     logger found or added as for print-call (the `logger-import` option
//     names a shared one) — not where the author says the failure is
//     expected (authorExpects), where the handler prints (printsIn), nor
//     for a best-effort swallow in a telemetry file (telemetryFile).
//   - Otherwise, a handler that already reports the exception without its
//     traceback (one `logger.error(f"... {e}")`) gets the traceback on that
//     record: `logger.error(...)` → `logger.exception(...)` — one record,
//     not a second one. A warning is the author's call that the failure is
//     expected (a fallback follows): no fix.
//   - Neither of these two in a polling or retry loop (pollingLoop): a
//     traceback on every round floods the log; nor where the author says
//     the failure is expected (authorExpects), nor in a module-level probe
//     of a dependency's version (probe), nor around a queue operation that
//     ends by queue.Empty/Full (queues.go: narrowed when the queue's type
//     is known, else no fix).
//   - Otherwise (the handler does something, such as returning an error
//     response): no fix.
//   - No fix at all where the handler turns any error into a value (`return
//     {"error": str(e)}`, an error dict or tuple: catching everything is its
//     job), nor for a best-effort swallow (the handler only passes,
//     continues or returns a default) around an optional action —
//     telemetry, cleanup or a delete. Around code that only computes values
//     (optional parsing, a probe filling in a field) such a swallow gets a
//     sound narrowing, never logger.exception.
//
// Handlers that re-raise are not reported, so a bare `except:` that cleans
// up and re-raises is never rewritten.
type fixer struct {
	ed     *pyedit.File
	shared pyedit.SharedLogger
}

func (c *checker) fixer() *fixer {
	if c.fx == nil {
		c.fx = &fixer{ed: pyedit.New(c.pass.File, c.pass.Names)}
		c.fx.shared, _ = pyedit.ParseSharedLogger(c.opts.LoggerImport)
	}
	return c.fx
}

// fix returns the fix for the reported handler h, or nil.
func (c *checker) fix(h handler, swallows bool, f handling) *lint.Fix {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) || c.noFixHere() || onPurpose.Match(h.clause.Text()) {
		return nil
	}
	body := try.ChildByField(syntax.FieldBody)
	if f.returnsText || c.errorValue(h) {
		return nil
	}
	bestEffort := defaultsOnly(h)
	if bestEffort && c.optionalAction(body) {
		return nil
	}
	if exc, ok := c.raisedBy(body); ok && len(exc) > 0 && !isFallback(h.clause) {
		if f := c.narrow(h, exc); f != nil {
			return f
		}
	}
	if bestEffort && computesOnly(body) {
		return nil
	}
	if f.guards != "" && !f.cleanup && !f.logsOnly && bestEffort {
		// A fallback around code that fails only on its input (a parse, an
		// optional key: redash's csv runner reads args["user-agent"], absent
		// from most queries): the finding asks to narrow it; where the
		// narrowing is not known, a traceback per ordinary miss is no fix.
		return nil
	}
	if c.drainsQueue(body) && !isFallback(h.clause) {
		return nil // the queue's Empty/Full is its ordinary way out
	}
	if pollingLoop(h.clause) || c.probe(try) || c.authorExpects(h, false) {
		return nil
	}
	if c.timedWait(h) != "" {
		return nil // the wait's timeout is expected: a traceback per expiry is no fix
	}
	if len(f.reports) == 1 && !f.clientError {
		return c.addTraceback(f.reports[0])
	}
	if c.authorExpects(h, true) {
		return nil
	}
	// Around code that only logs, logger.exception would log where logging
	// just failed.
	if swallows && !expectedFailure(h) && !c.cleanupOnly(try.ChildByField(syntax.FieldBody)) && !f.logsOnly &&
		!c.printsIn(h) && !(bestEffort && telemetryFile(c.pass.Path)) {
		return c.logException(h)
	}
	return nil
}

// versionProbes are calls that look up whether a module or a version of a
// dependency is there.
var versionProbes = map[string]bool{
	"importlib.import_module": true, "importlib.metadata.version": true, "importlib.metadata.distribution": true,
	"importlib.util.find_spec": true, "pkg_resources.get_distribution": true, "pkg_resources.require": true,
}

// probe: a try at module (or class) level whose body imports, calls a
// version lookup (versionProbes) or reads a `__version__` — the module
// finding out which version of a dependency it runs with (`try: from
// airflow.models import TaskReschedule ... except Exception as e:
// logging.error(e)` in a DAG file meant for several Airflow versions).
// The failure is the answer for the versions without it, and it happens
// on every import of the module (every parse of a DAG file by the
// scheduler): a traceback added there, by error → exception or a new
// logger.exception, floods the log with an expected absence. A narrowing
// (ImportError for a body that only imports) is still made.
func (c *checker) probe(try syntax.Node) bool {
	for p := try.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) || p.Is(syntax.KindLambda) {
			return false
		}
	}
	for n := range ownNodes(try.ChildByField(syntax.FieldBody)) {
		switch {
		case n.Is(syntax.KindImportStatement), n.Is(syntax.KindImportFromStatement):
			return true
		case n.Is(syntax.KindAttribute) && n.ChildByField(syntax.FieldAttribute).TextIs("__version__"):
			return true
		case n.Is(syntax.KindCall):
			if q, ok := c.r.QualifiedName(n.ChildByField(syntax.FieldFunction).Unparen()); ok && versionProbes[q] {
				return true
			}
		}
	}
	return false
}

// authorExpects: the author says the failure is expected or let go on
// purpose — in the handler's comments (deliberate), in the comment block
// right above the `try` ("Can raise exception tenacity.RetryError (Email
// may still go through)"), or, when docstring is set, in the docstring of
// the function around it ("Falls back to desktop-only when there's no TTY
// or InquirerPy is missing"). The handler's answer is then the function's
// contract, and a traceback would put an ERROR record on its ordinary
// path: no record is added (logger.exception), and the handler's own
// record keeps its level (error → exception reads the comments only: a
// docstring's flow — "If Stripe deletion fails -> create support ticket"
// — describes the handler, not a failure the author calls harmless).
// (The level reads the handler's comments only: a comment above the try
// often describes the code, not the failure — but a fix withheld costs
// less than a wrong ERROR record.)
func (c *checker) authorExpects(h handler, docstring bool) bool {
	if says, _ := deliberate(h); says != saysNothing {
		return true
	}
	try := h.clause.Parent()
	if says, _ := commentSays(commentAbove(c.pass.Src, try)); says != saysNothing {
		return true
	}
	if !docstring {
		return false
	}
	inFunction := false
	for p := try.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case p.Is(syntax.KindLambda):
			return false
		case p.Is(syntax.KindFunctionDefinition):
			if !inFunction {
				inFunction = true
				if first := p.ChildByField(syntax.FieldBody).FirstNamedChild(); isDocstringStmt(first) {
					if says, _ := commentSays(first.Text()); says != saysNothing {
						return true
					}
				}
			}
		case p.Is(syntax.KindClassDefinition):
			if first := p.ChildByField(syntax.FieldBody).FirstNamedChild(); isDocstringStmt(first) && saysOfFailure(first.Text()) {
				return true
			}
		case p.Is(syntax.KindModule):
			if first := p.FirstNamedChild(); isDocstringStmt(first) && saysOfFailure(first.Text()) {
				return true
			}
		}
	}
	return false
}

// saysOfFailure reads a class's or a module's docstring, which describes
// much more than one handler, and often the handling itself: a sentence of
// it that says the code lets failures go ("Exits silently on failure.",
// "a failed upload is ignored", "swallows all errors").
// The words that make a handler's comment deliberate are not enough there
// ("the ignore list is read from ASSET_IGNORE"; a docstring that says a
// swallow "stays an error").
func saysOfFailure(doc []byte) bool {
	if notADecision.Match(doc) {
		return false
	}
	for _, s := range docSentence.Split(string(doc), -1) {
		if silentFailure.MatchString(s) {
			return true
		}
	}
	return false
}

// silentFailure is a sentence saying failures are let go.
var silentFailure = regexp.MustCompile(`(?i)(\b(silently|quietly)\b.*\b(fail|error|exception)|\b(fail\w*|errors?|exceptions?)\b.*\b(silently|quietly|ignored|swallowed)\b|\b(ignor|swallow)(es|s|e|ing)? (all |any )?(errors|exceptions|failures)\b|\bnever (raises|fails)\b)`)

// docSentence ends a sentence of a docstring: a full stop, or a blank line.
var docSentence = regexp.MustCompile(`[.!?](\s|$)|\n\s*\n`)

// commentAbove returns the comment lines right above n in src
// (consecutive lines that hold only a comment, the last one on the line
// before n's), as one text; nil when there are none. Read from the text:
// tree-sitter puts a comment above a block's first statement outside the
// block.
func commentAbove(src []byte, n syntax.Node) []byte {
	lineStart := func(i int) int { return bytes.LastIndexByte(src[:i], '\n') + 1 }
	end := lineStart(n.Start())
	start := end
	for start > 0 {
		prev := lineStart(start - 1)
		if !bytes.HasPrefix(bytes.TrimLeft(src[prev:start], " \t"), []byte("#")) {
			break
		}
		start = prev
	}
	if start == end {
		return nil
	}
	return src[start:end]
}

// printsIn: the handler prints (print(...)): it already tells whoever
// runs the program that something failed ("Failed to disable foreign key
// checks. Continuing."). logger.exception beside it would be a second
// record of the same failure, with an ERROR level and a traceback the
// author chose not to show; turning the print itself into the log call
// would take the message from a program's output, which is print-call's
// (XY005) decision, with the role model, not this rule's. No fix.
func (c *checker) printsIn(h handler) bool {
	for n := range ownNodes(h.body) {
		if n.Is(syntax.KindCall) && c.isPrint(n) {
			return true
		}
	}
	return false
}

// telemetryPart matches a directory or file name that says its code is
// telemetry: analytics.py, _analytics_send.py, _internal/analytics/,
// telemetry/, metrics.py, tracking.py.
var telemetryPart = regexp.MustCompile(`(?i)(^|_)(analytics|telemetry|tracking|tracker|metrics|posthog|sentry|usage_stats)(_|$)`)

// telemetryFile: the file is telemetry by its path (a directory or the
// file's name, telemetryPart). Its best-effort swallows (the handler only
// passes or returns a default: sending a usage event, reading or writing
// the install's id) are the author's choice that telemetry must never
// disturb the program; an ERROR traceback on the user's terminal or in
// the service's log for a failed usage ping is what a maintainer would
// refuse. No logger.exception there (a sound narrowing is still made).
func telemetryFile(path string) bool {
	for _, part := range strings.Split(path, "/") {
		part = strings.TrimSuffix(part, ".py")
		if telemetryPart.MatchString(part) {
			return true
		}
	}
	return false
}

// pollingLoop: the handler runs in a loop that repeats the failing work —
// a `while` loop (polling until a condition, retrying until it succeeds)
// or a `for` loop whose body sleeps (attempts with a back-off), up to the
// enclosing function. A traceback on every round floods the log for as
// long as the failure lasts (an invoice status polled every few seconds
// while the backend is down: one ERROR traceback per invoice per round),
// so neither logger.exception nor error → exception there: no fix. A sound
// narrowing is still made (it adds no record).
func pollingLoop(n syntax.Node) bool {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case p.Is(syntax.KindFunctionDefinition), p.Is(syntax.KindLambda), p.Is(syntax.KindClassDefinition):
			return false
		case p.Is(syntax.KindWhileStatement):
			return true
		case p.Is(syntax.KindForStatement) && sleeps(p.ChildByField(syntax.FieldBody)):
			return true
		}
	}
	return false
}

// sleeps: the block calls a sleep (`time.sleep`, `await asyncio.sleep`,
// `anyio.sleep`, a project's `sleep`).
func sleeps(block syntax.Node) bool {
	for d := range block.Descendants() {
		if !d.Is(syntax.KindCall) {
			continue
		}
		fn := d.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		if fn.TextIs("sleep") {
			return true
		}
	}
	return false
}

// expectedFailure: the handler falls back to a default right away — its
// only statements (besides `pass`) return None, a constant or an empty
// container, or `continue`/`break`; or it is only `pass` and such a
// statement follows the try. A cache lookup that misses, a parse of
// optional input: the failure is the expected path, and a logged
// traceback on every miss would be noise. No fix.
func expectedFailure(h handler) bool {
	var stmts []syntax.Node
	for s := range h.body.NamedChildren() {
		if s.Is(syntax.KindComment) || s.Is(syntax.KindPassStatement) || isDocstringStmt(s) {
			continue
		}
		stmts = append(stmts, s)
	}
	if len(stmts) == 0 {
		try := h.clause.Parent()
		next := try.NextSibling()
		for !next.IsZero() && (!next.IsNamed() || next.Is(syntax.KindComment)) {
			next = next.NextSibling()
		}
		return !next.IsZero() && isDefaultExit(next)
	}
	for _, s := range stmts {
		if !isDefaultExit(s) {
			return false
		}
	}
	return true
}

// cleanupOnly: every statement of the try body is a call of a cleanup
// method (`await ws.close()`, `os.remove(tmp)`): a swallow there is on
// purpose, and an ERROR traceback for a socket already closed would be
// noise. No fix.
func (c *checker) cleanupOnly(body syntax.Node) bool {
	n := 0
	for s := range body.NamedChildren() {
		if s.Is(syntax.KindComment) {
			continue
		}
		if !s.Is(syntax.KindExpressionStatement) {
			return false
		}
		call := s.FirstNamedChild().Unparen()
		if call.Is(syntax.KindAwait) {
			call = call.FirstNamedChild().Unparen()
		}
		if !call.Is(syntax.KindCall) || !c.cleanupCall(call) {
			return false
		}
		n++
	}
	return n > 0
}

func isDocstringStmt(s syntax.Node) bool {
	return s.Is(syntax.KindExpressionStatement) && s.FirstNamedChild().Is(syntax.KindString)
}

// isDefaultExit: `continue`, `break`, or `return` of nothing, None, a
// constant or an empty container.
func isDefaultExit(s syntax.Node) bool {
	switch {
	case s.Is(syntax.KindContinueStatement), s.Is(syntax.KindBreakStatement):
		return true
	case !s.Is(syntax.KindReturnStatement):
		return false
	}
	v := s.FirstNamedChild().Unparen()
	switch {
	case v.IsZero(), v.Is(syntax.KindNone), v.Is(syntax.KindTrue), v.Is(syntax.KindFalse),
		v.Is(syntax.KindInteger), v.Is(syntax.KindFloat), v.Is(syntax.KindString):
		return true
	case v.Is(syntax.KindList), v.Is(syntax.KindDictionary), v.Is(syntax.KindTuple), v.Is(syntax.KindSet):
		return v.NamedChildCount() == 0
	}
	return false
}

// narrow replaces the broad type with exc.
func (c *checker) narrow(h handler, exc []string) *lint.Fix {
	ed := c.fixer().ed
	var es pyedit.Edits
	var types []string
	for _, q := range exc {
		if b, ok := strings.CutPrefix(q, "builtins."); ok {
			if len(c.pass.Names.ModuleScope().Bindings(b)) > 0 {
				return nil // a shadowed builtin: not worth the risk
			}
			types = append(types, b)
			continue
		}
		expr, imp, ok := ed.Ref(q, h.clause)
		if !ok {
			return nil
		}
		if imp != nil {
			es.Add(ed.AddImport(*imp)...)
		}
		types = append(types, expr)
	}
	list := strings.Join(types, ", ")
	switch {
	case len(h.list) > 0:
		// `except ValueError, Exception:` → `except ValueError, json.JSONDecodeError:`
		for _, e := range h.list {
			if _, broad := c.broadName(e); broad {
				es.Add(ed.Replace(e, list))
				break
			}
		}
	case h.typ.IsZero():
		at := h.clause.Start() + len("except")
		es.Add(lint.Edit{Start: at, End: at, New: " " + parenthesize(types)})
	case h.typ.Unparen().Is(syntax.KindTuple):
		for e := range h.typ.Unparen().NamedChildren() {
			if _, broad := c.broadName(e); broad {
				es.Add(ed.Replace(e, list))
				break
			}
		}
	default:
		es.Add(ed.Replace(h.typ, parenthesize(types)))
	}
	return &lint.Fix{Message: "Narrow to `" + list + "`", Safety: lint.Unsafe, Edits: es.List()}
}

func parenthesize(types []string) string {
	if len(types) == 1 {
		return types[0]
	}
	return "(" + strings.Join(types, ", ") + ")"
}

// logException adds logger.exception(...) to a handler that swallows.
func (c *checker) logException(h handler) *lint.Fix {
	fx := c.fixer()
	logger, edits, ok := fx.ed.Logger(h.clause, fx.shared)
	if !ok {
		return nil
	}
	what := "ignored exception"
	for p := h.clause.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) {
			what += " in " + string(p.ChildByField(syntax.FieldName).Text()) + "()"
			break
		}
	}
	call := logger + `.exception("` + what + `")`
	var es pyedit.Edits
	es.Add(edits...)
	first := h.body.FirstNamedChild()
	switch {
	case first.Is(syntax.KindPassStatement) && h.body.NamedChildCount() == 1:
		es.Add(fx.ed.Replace(first, call))
	default:
		if _, ok := fx.ed.BodyIndent(h.body); !ok {
			return nil
		}
		es.Add(fx.ed.InsertBefore(first, call))
	}
	return &lint.Fix{Message: "Log the exception with `" + logger + ".exception`", Safety: lint.Unsafe, Edits: es.List()}
}

// raisedBy returns the exceptions the calls and subscripts of a try body
// raise, in order of first appearance and without types another one
// covers; ok is false when some call is not in the table or the body raises
// itself.
func (c *checker) raisedBy(body syntax.Node) (exc []string, ok bool) {
	add := func(qs ...string) {
		for _, q := range qs {
			if !slices.Contains(exc, q) {
				exc = append(exc, q)
			}
		}
	}
	for n := range ownNodes(body) {
		switch n.Kind() {
		case syntax.KindRaiseStatement:
			return nil, false
		case syntax.KindAssignment:
			// Setting an attribute (a patch of another module's class)
			// raises AttributeError and more when that code changes:
			// nothing the table knows.
			if n.ChildByField(syntax.FieldLeft).Unparen().Is(syntax.KindAttribute) {
				return nil, false
			}
		case syntax.KindImportStatement, syntax.KindImportFromStatement:
			add("builtins.ImportError") // an optional dependency
		case syntax.KindBinaryOperator:
			// Arithmetic on numbers from input: ZeroDivisionError,
			// OverflowError (float ** and int() of the result), Decimal's
			// signals (decimal.Overflow, InvalidOperation) are all
			// ArithmeticErrors; operands of the wrong type (None, a
			// string) raise TypeError.
			if arithmetic(n) {
				add("builtins.ArithmeticError", "builtins.TypeError")
			}
		case syntax.KindSubscript:
			// A missing key or index, or a value that is not subscriptable
			// (None, a number: the JSON was not the shape expected).
			add("builtins.LookupError", "builtins.TypeError")
		case syntax.KindCall:
			qs, known := c.callRaises(n)
			if !known {
				return nil, false
			}
			add(qs...)
		}
	}
	// Drop types that a more general one in the list covers.
	kept := exc[:0]
	for _, q := range exc {
		covered := false
		for _, g := range subsumes[q] {
			if slices.Contains(exc, g) {
				covered = true
			}
		}
		if !covered {
			kept = append(kept, q)
		}
	}
	return kept, true
}

// arithmetic: a binary arithmetic operation whose operands are not
// string literals ("%s" % x and "a" + b format or join text).
func arithmetic(n syntax.Node) bool {
	switch string(n.ChildByField(syntax.FieldOperator).Text()) {
	case "+", "-", "*", "/", "//", "%", "**", "@":
	default:
		return false
	}
	for _, f := range []syntax.Field{syntax.FieldLeft, syntax.FieldRight} {
		if o := n.ChildByField(f).Unparen(); o.Is(syntax.KindString) || o.Is(syntax.KindConcatenatedString) {
			return false
		}
	}
	return true
}

// callRaises returns what a call raises, and whether the table knows it.
func (c *checker) callRaises(call syntax.Node) ([]string, bool) {
	if qs := c.queueRaises(call); qs != nil {
		return qs, true
	}
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if q, ok := c.r.QualifiedName(fn); ok {
		if qs, ok := calls[q]; ok {
			return qs, true
		}
		if noRaise[q] {
			return nil, true
		}
		if lib := libraryOf(q); lib != "" {
			if libraryCall(lib, q) {
				return append([]string{libraries[lib]}, libraryExtra[lib]...), true
			}
			// A library helper that is not one of its clients
			// (ndb.RedisCache.from_environment): unknown.
			return nil, false
		}
	}
	if !fn.Is(syntax.KindAttribute) {
		return nil, false
	}
	recv := fn.ChildByField(syntax.FieldObject).Unparen()
	if c.isLogger(recv) {
		return nil, true
	}
	if lib := c.libraryOfValue(recv, 0); lib != "" {
		qs := append([]string{libraries[lib]}, libraryExtra[lib]...)
		qs = append(qs, libraryMethodExtra[lib][string(fn.ChildByField(syntax.FieldAttribute).Text())]...)
		return qs, true
	}
	return nil, false
}

// libraryOfValue returns the library whose object v is: a call of one of
// its functions or constructors, a method result of one of its objects, or
// a variable bound to one (by assignment or `with ... as`).
func (c *checker) libraryOfValue(v syntax.Node, depth int) string {
	if depth > 4 {
		return ""
	}
	v = v.Unparen()
	if v.Is(syntax.KindAwait) {
		v = v.FirstNamedChild().Unparen()
	}
	switch v.Kind() {
	case syntax.KindCall:
		fn := v.ChildByField(syntax.FieldFunction).Unparen()
		if q, ok := c.r.QualifiedName(fn); ok {
			if lib := libraryOf(q); libraryCall(lib, q) {
				return lib
			}
			return ""
		}
		if fn.Is(syntax.KindAttribute) {
			return c.libraryOfValue(fn.ChildByField(syntax.FieldObject), depth+1)
		}
	case syntax.KindAttribute:
		if q, ok := c.r.QualifiedName(v); ok {
			return libraryOf(q)
		}
	case syntax.KindIdentifier:
		b := c.r.Lookup(v)
		if b == nil || b.Kind != names.Assignment {
			return ""
		}
		if !b.Value.IsZero() {
			return c.libraryOfValue(b.Value, depth+1)
		}
		// with X() as name
		if t := b.Node.Parent(); t.Is(syntax.KindAsPatternTarget) {
			if ap := t.Parent(); ap.Is(syntax.KindAsPattern) && ap.Parent().Is(syntax.KindWithItem) {
				return c.libraryOfValue(ap.FirstNamedChild(), depth+1)
			}
		}
	}
	return ""
}

// onPurpose matches what a handler's comments say when the broad catch or
// the missing traceback is deliberate: the author decided, a fix would undo
// it (a traceback withheld because it carries sensitive data, a catch-all
// kept on purpose, a linter's own suppression of the same finding).
var onPurpose = regexp.MustCompile(`(?i)(on purpose|intentional|deliberate|by design|noqa:[^\n]*\b(BLE001|E722|S110)\b|pylint: *disable=[^\n]*broad-(exception-caught|except)|broad[- ]except|no traceback|without (a |the )?traceback|traceback (is )?(omitted|withheld|left out|not logged)|sensitive|do(n't| not) log)`)

// isFallback reports whether the clause follows a more specific handler of
// the same try: it is the fallback for everything else, which narrowing
// would turn into errors that escape.
func isFallback(clause syntax.Node) bool {
	for c := range clause.Parent().NamedChildren() {
		if c == clause {
			return false
		}
		if c.Is(syntax.KindExceptClause) || c.Is(syntax.KindExceptGroupClause) {
			return true
		}
	}
	return false
}

// noFixHere: generated and vendored code is not the project's to edit.
func (c *checker) noFixHere() bool {
	return provenance.Generated(c.pass.Path, c.pass.Src) || provenance.Vendored(c.pass.Path)
}

// defaultsOnly: the handler's statements are only pass, continue, break or
// a return of a default (isDefaultExit): it gives up quietly.
func defaultsOnly(h handler) bool {
	for s := range h.body.NamedChildren() {
		switch {
		case s.Is(syntax.KindComment), s.Is(syntax.KindPassStatement), isDocstringStmt(s), isDefaultExit(s):
		default:
			return false
		}
	}
	return true
}

// computesOnly: the try body only computes values — assignments, calls
// that fill a collection (`models.append(x)`), imports, and the ifs, loops,
// withs and trys around them, break, continue, pass; no other call made for
// its effect, no return, raise or yield: optional parsing, a probe filling
// in a field. When it fails, the values keep their defaults.
func computesOnly(body syntax.Node) bool {
	n := 0
	return statementsOnly(body, func(s syntax.Node) bool {
		e := s.FirstNamedChild()
		if e.Is(syntax.KindAssignment) || e.Is(syntax.KindAugmentedAssignment) || fills(e) {
			n++
			return true
		}
		return false
	}) && n > 0
}

// fillMethods add to a collection.
var fillMethods = map[string]bool{"append": true, "add": true, "extend": true, "update": true, "setdefault": true, "insert": true}

func fills(e syntax.Node) bool {
	fn := e.ChildByField(syntax.FieldFunction).Unparen()
	return e.Is(syntax.KindCall) && fn.Is(syntax.KindAttribute) && fillMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())]
}

// statementsOnly: every simple statement of block (recursively through
// ifs, loops, withs and trys) is pass, break, continue, an import, or an
// expression statement ok accepts.
func statementsOnly(block syntax.Node, ok func(syntax.Node) bool) bool {
	for s := range block.NamedChildren() {
		switch {
		case s.Is(syntax.KindComment), s.Is(syntax.KindPassStatement), s.Is(syntax.KindBreakStatement), s.Is(syntax.KindContinueStatement),
			s.Is(syntax.KindImportStatement), s.Is(syntax.KindImportFromStatement):
		case s.Is(syntax.KindExpressionStatement):
			if !ok(s) {
				return false
			}
		case s.Is(syntax.KindIfStatement), s.Is(syntax.KindForStatement), s.Is(syntax.KindWhileStatement),
			s.Is(syntax.KindWithStatement), s.Is(syntax.KindTryStatement):
			for part := range s.NamedChildren() {
				if part.Is(syntax.KindBlock) && !statementsOnly(part, ok) {
					return false
				}
				for b := range part.NamedChildren() {
					if b.Is(syntax.KindBlock) && !statementsOnly(b, ok) {
						return false
					}
				}
			}
		default:
			return false
		}
	}
	return true
}

// optionalWords name calls whose failure the program does not care about:
// telemetry and usage tracking.
var optionalWords = regexp.MustCompile(`(?i)analytics|telemetry|track|metric|posthog|segment|statsd|usage|heartbeat|sentry`)

// telemetryCallee: the qualified name of a call goes through a module
// that is telemetry by its name (telemetryPart): prefect's
// `try_mark_milestone`, imported from prefect._internal.analytics.
func telemetryCallee(q string) bool {
	parts := strings.Split(q, ".")
	for _, part := range parts[:max(len(parts)-1, 0)] {
		if telemetryPart.MatchString(part) {
			return true
		}
	}
	return false
}

// optionalAction: the try body is a best-effort action — one or two calls
// made for their effect, each telemetry (optionalWords, or a function of
// a telemetry module: telemetryCallee), a cleanup method
// (close, stop, ...) or a delete, with the imports, assignments and ifs
// that prepare them. Stdlib removals (os.remove) are left to narrowing:
// OSError is all they raise.
func (c *checker) optionalAction(body syntax.Node) bool {
	calls := 0
	return statementsOnly(body, func(s syntax.Node) bool {
		e := s.FirstNamedChild().Unparen()
		if e.Is(syntax.KindAssignment) || e.Is(syntax.KindAugmentedAssignment) {
			return true
		}
		if e.Is(syntax.KindAwait) {
			e = e.FirstNamedChild().Unparen()
		}
		if !e.Is(syntax.KindCall) {
			return false
		}
		fn := e.ChildByField(syntax.FieldFunction).Unparen()
		name := shortName(fn)
		q, _ := c.r.QualifiedName(fn)
		if !optionalWords.MatchString(string(fn.Text())) && !telemetryCallee(q) && !cleanupMethods[name] && !strings.HasPrefix(name, "delete") {
			return false
		}
		calls++
		return true
	}) && calls > 0 && calls <= 2
}

// errorKeys are the keys of a dict a handler returns as its error value.
var errorKeys = map[string]bool{"error": true, "errors": true, "status": true, "success": true, "ok": true, "err": true}

// errorValue: the handler turns any error into a value — it returns a dict
// with an error key (`{"error": ...}`, `{"status": "error", ...}`), or a
// tuple that carries the exception's text. Catching everything is its job:
// narrowing it lets the rest crash its caller.
func (c *checker) errorValue(h handler) bool {
	for n := range ownNodes(h.body) {
		if !n.Is(syntax.KindReturnStatement) {
			continue
		}
		v := n.FirstNamedChild().Unparen()
		switch {
		case v.Is(syntax.KindDictionary):
			for p := range v.NamedChildren() {
				if k, ok := p.ChildByField(syntax.FieldKey).StringLiteral(); ok && p.Is(syntax.KindPair) && errorKeys[strings.ToLower(k)] {
					return true
				}
			}
		case v.Is(syntax.KindTuple) && h.texts != nil:
			if c.mentionsIn(h.texts, v) {
				return true
			}
		}
	}
	return false
}

// addTraceback adds the traceback to the handler's one logger.error of
// the exception: error → exception.
func (c *checker) addTraceback(call syntax.Node) *lint.Fix {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	attr := fn.ChildByField(syntax.FieldAttribute)
	return &lint.Fix{Message: "Log the traceback with the record: `" + string(fn.ChildByField(syntax.FieldObject).Text()) + ".exception`",
		Safety: lint.Unsafe, Edits: []lint.Edit{c.fixer().ed.Replace(attr, "exception")}}
}
