package python

import (
	"regexp"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// handling is what a broad handler's body does with the exception, read
// from its statements (not from functions, classes or lambdas defined in
// it). The verdict (judge) follows from it.
type handling struct {
	// The exception goes on: re-raised (a bare raise, `raise e`, `raise X
	// from e`, a new exception raised with the original as its implicit
	// context), or handed over as an object (passed to a call, stored,
	// returned), so whoever receives it has its traceback.
	reraises bool
	handsOn  bool
	// records: the traceback is written somewhere (logging with
	// exc_info/exception, traceback.print_exc, traceback.format_exc() used,
	// sentry_sdk.capture_exception and other error trackers).
	records bool
	// exits: a non-zero exit (sys.exit(1), raise SystemExit(1),
	// typer.Exit(code=1), ctx.fail(...), parser.error(...)); exitSays: the
	// exit carries a message, or the handler says something before it.
	exits, exitSays bool
	exitsZero       bool   // sys.exit(), sys.exit(0), typer.Exit(): success
	http            string // an HTTP error response raised (HTTPException, abort(...)): its name
	clientError     bool   // that response is a 4xx: the request was at fault
	// The most severe level of a log call (or print, warnings.warn) that
	// includes the exception, and whether any log call leaves it out.
	logged      level
	loggedWith  string // that call, for the message ("logger.warning")
	logsWithout bool
	// printsWithout: a print (or echo) with arguments, none of them the
	// exception: it says that something failed, not what.
	printsWithout bool
	withoutAt     level // the most severe of those log calls
	logsDebug     bool  // a debug-level log that includes the exception
	prints        bool  // a print or echo that includes the exception
	// calls are the handler's calls of functions the project may define
	// (decided in the project phase: see project.go).
	calls []helperCall
	says  bool // any log, print or echo at all, or a call given the exception's text
	// What the try body guards, when it makes the handler a fallback or
	// best-effort cleanup (fallback.go), answersBool: the body is only
	// `return False`; returnsText: the error's text is returned to the
	// caller as a value.
	guards      string
	cleanup     bool
	logsOnly    bool   // the try body only logs (and computes what it logs)
	answersBool string // "True" or "False": the handler's whole body returns it
	returnsText bool
	// toClient: the error's text goes into what a web handler returns (a
	// response, a response model's field); fallsBack: the handler assigns
	// or returns a fallback value.
	toClient  bool
	fallsBack bool
	// serverError: the handler returns a server error response (5xx), its
	// status as written.
	serverError string
	// shows: a call that shows the error's message to the person using
	// the program (a toast, a flashed message), its name; failText: the
	// handler returns a fixed text that says it failed ("unknown error").
	shows    string
	failText string
	// collects: the handler adds the error's text to a collection that
	// reports failures (`report.append(f"{name}: {e}")`), its call;
	// errorResult: it returns a result built with a field that says it
	// failed (`Info(url, error="connection_error")`).
	collects    string
	errorResult string
	// reports are the handler's logger.error calls that include the
	// exception without its traceback (the fix adds it to them).
	reports []syntax.Node
}

type level int

const (
	noLevel level = iota
	debugLevel
	infoLevel
	warningLevel
	errorLevel
	tracebackLevel // logger.exception: the traceback too
)

// verdict is how a broad handler is reported.
type verdict struct {
	report   bool
	severity lint.Severity
	message  string // after the handler's description ("`except Exception`")
	swallows bool   // the body only drops the exception (the fix logs it)
}

const silentExit = "exits non-zero without saying why: the process fails, but its cause is lost"

// judge decides from what the body does. The exception is not hidden when it
// goes on (re-raised, handed over) or its traceback is recorded, nor when a
// command-line program reports it and exits non-zero. Recorded without its
// traceback (a log or print of the message), returned to the caller as
// text, turned into a client error (4xx), or caught around code that can
// fail only on its input or that only cleans up, it is a note; a body that
// only drops it is an error (a warning when it answers False); anything
// else (a fallback value, a server error response) a warning.
func (h handling) judge(swallows bool) verdict {
	switch {
	case h.reraises || h.handsOn || h.records:
		return verdict{}
	case h.exits && (h.exitSays || h.says):
		return verdict{}
	case h.exits:
		return verdict{true, lint.Note, silentExit, false}
	case h.exitsZero:
		return verdict{true, lint.Warning, "exits with status 0: the failure is hidden from whoever runs the program", false}
	case h.logged >= infoLevel:
		return verdict{true, lint.Note, "logs the error without its traceback (" + h.loggedWith + "): it is recorded, but not where it came from", false}
	case h.prints:
		return verdict{true, lint.Note, "prints the error without its traceback: it is seen, but not where it came from", false}
	case h.returnsText:
		return verdict{true, lint.Note, "returns the error's message to its caller: the failure is passed on, but not where it came from", false}
	case h.collects != "":
		return verdict{true, lint.Note, "records the failure with the error's text (" + h.collects + "): whoever reads that report sees what failed and why, but not where it came from", false}
	case h.errorResult != "":
		return verdict{true, lint.Note, "returns a result that says it failed (" + h.errorResult + ") to its caller: the failure is passed on, but its cause is lost", false}
	case h.shows != "":
		return verdict{true, lint.Note, "shows the error's message to the user (" + h.shows + "): they see that it failed and why, but the logs get nothing", false}
	case swallows && h.failText != "":
		return verdict{true, lint.Note, "returns a text that says it failed (" + h.failText + ") to its caller: the failure is shown, but its cause is lost", true}
	case h.http != "" && h.clientError:
		return verdict{true, lint.Note, "turns the error into a client error response (" + h.http + "): right when the request is at fault, but a failure of the service's own would look like one too", false}
	case h.toClient && h.serverError != "":
		return verdict{true, lint.Warning, "returns the error's message to the client as a server error (" + h.serverError + ") and logs nothing: the caller sees that it failed, the service's logs and error reporting do not", false}
	case h.toClient:
		return verdict{true, lint.Note, "returns the error's message to the client: they see that it failed and why, but the logs get nothing", false}
	case h.guards != "" && h.logsOnly:
		return verdict{true, lint.Note, "ignores errors of " + h.guards + ": a log line that fails goes unseen, but nothing else fails with it", swallows}
	case h.guards != "" && h.cleanup:
		return verdict{true, lint.Note, "ignores errors of " + h.guards + ": best-effort cleanup, but a leak or a failed removal goes unseen", swallows}
	case h.guards != "":
		return verdict{true, lint.Note, "is a fallback around " + h.guards + ", which fails only on its input: narrow it to the errors it expects, so that bugs are not caught too", swallows}
	case h.http != "":
		return verdict{true, lint.Warning, "turns the error into an HTTP error response (" + h.http + ") without logging it: the client gets an error, the logs get nothing", false}
	case swallows && h.answersBool == "False":
		return verdict{true, lint.Warning, "answers False for every error: a failure looks like an ordinary no, and its cause is lost", true}
	case swallows && h.answersBool == "True":
		return verdict{true, lint.Warning, "answers True for every error: any failure, a bug included, gives that answer, and its cause is lost", true}
	case swallows && h.printsWithout:
		return verdict{true, lint.Warning, "prints that something failed, but neither the exception nor its traceback", true}
	case swallows:
		return verdict{true, lint.Error, "swallows the exception", true}
	case h.logsDebug && h.fallsBack:
		return verdict{true, lint.Note, "logs the error at debug level and falls back to a default: an expected failure with an answer, though production rarely records why", false}
	case h.logsDebug && h.withoutAt >= warningLevel:
		return verdict{true, lint.Note, "logs that something failed, and the error only at debug level: the failure is recorded, its cause rarely", false}
	case h.logsDebug:
		return verdict{true, lint.Warning, "logs the error only at debug level, which production rarely records", false}
	case h.logsWithout:
		return verdict{true, lint.Warning, "logs that something failed, but neither the exception nor its traceback", false}
	}
	return verdict{true, lint.Warning, "without re-raise or traceback logging", false}
}

// scanBody reads the handler's body.
func (c *checker) scanBody(h handler) handling {
	var f handling
	h.texts = c.texts(h)
	for n := range ownNodes(h.body) {
		switch n.Kind() {
		case syntax.KindRaiseStatement:
			c.raise(h, n, &f)
		case syntax.KindCall:
			c.call(h, n, &f)
		case syntax.KindReturnStatement:
			// Flask's `return jsonify(...), 400`: a client error response.
			if v := n.FirstNamedChild().Unparen(); (v.Is(syntax.KindTuple) || v.Is(syntax.KindExpressionList)) && v.NamedChildCount() >= 2 {
				var last syntax.Node
				for e := range v.NamedChildren() {
					last = e
				}
				if statusIs4xx(last) {
					f.http, f.clientError = "status "+string(last.Text()), true
				} else if statusIs5xx(last) {
					f.serverError = "status " + string(last.Text())
				}
			}
			// return JSONResponse(..., status_code=401), aiohttp's
			// web.json_response(..., status=400), make_response(body, 400)
			if v := n.FirstNamedChild().Unparen(); v.Is(syntax.KindCall) && c.response(v) {
				if st := responseStatus(v); statusIs4xx(st) {
					f.http, f.clientError = c.calleeName(v), true
				} else if statusIs5xx(st) {
					f.serverError = "status " + string(st.Unparen().Text())
				}
			}
		case syntax.KindIdentifier:
			if h.name != nil && n.TextIs(string(h.name)) && handedOn(n) {
				f.handsOn = true
			}
		}
	}
	return f
}

// raise reads a raise statement in the handler.
func (c *checker) raise(h handler, raise syntax.Node, f *handling) {
	exc := raise.FirstNamedChild()
	cause := raise.ChildByField(syntax.FieldCause)
	if exc.IsZero() || exc.Field() == syntax.FieldCause {
		// A bare raise re-raises the exception being handled: ours, unless
		// it sits in an except clause nested in our handler.
		for p := raise.Parent(); !p.IsZero() && p != h.clause; p = p.Parent() {
			if p.Is(syntax.KindExceptClause) || p.Is(syntax.KindExceptGroupClause) {
				return
			}
		}
		f.reraises = true
		return
	}
	if c.isName(h, exc) || !cause.IsZero() && c.isName(h, cause) {
		f.reraises = true
		return
	}
	if cause.Is(syntax.KindNone) && !commented(h) {
		// `from None` drops the original; without a word of why, its
		// cause is lost to whoever debugs the new one.
		return
	}
	if conditional(h, raise) {
		// A new exception (or an exit) on one path only: on the others the
		// handler does whatever else it does.
		if name := c.httpError(exc); name != "" {
			f.http, f.clientError = name, c.clientError(exc, name)
		}
		return
	}
	if nonZero, ok := c.exitCode(exc); ok {
		f.exit(nonZero, exc)
		return
	}
	if name := c.httpError(exc); name != "" {
		f.http, f.clientError = name, c.clientError(exc, name)
		return
	}
	// Any other exception raised here carries the one being handled as its
	// __context__ (or __cause__ with `from`), which every traceback shows:
	// `raise RuntimeError("upload failed")`, `raise type(e)(msg)`. With
	// `from None` and a comment in the handler, the author drops the cause
	// on purpose and says why (PEP 409: credentials in its message, an
	// internal detail): the failure still goes on.
	f.reraises = true
}

// conditional reports whether n runs only on some paths through the
// handler: it is inside an if, a loop, a match or a try of the handler.
func conditional(h handler, n syntax.Node) bool {
	for p := n.Parent(); !p.IsZero() && p != h.body; p = p.Parent() {
		switch p.Kind() {
		case syntax.KindIfStatement, syntax.KindForStatement, syntax.KindWhileStatement,
			syntax.KindTryStatement, syntax.KindMatchStatement, syntax.KindConditionalExpression,
			syntax.KindBooleanOperator:
			return true
		}
	}
	return false
}

// exit records an exit (a raise or a call): with a non-zero status, and
// whether it carries a message; or with status 0.
func (f *handling) exit(nonZero bool, at syntax.Node) {
	if !nonZero {
		f.exitsZero = true
		return
	}
	f.exits = true
	f.exitSays = f.exitSays || exitMessage(at)
}

// isName reports whether n is the handler's `as` name.
func (c *checker) isName(h handler, n syntax.Node) bool {
	n = n.Unparen()
	return h.name != nil && n.Is(syntax.KindIdentifier) && n.TextIs(string(h.name))
}

// exitCode reports whether the raised exception (or the call) ends the
// program, and then whether with a non-zero status: SystemExit(1) or
// SystemExit("message"), typer.Exit(code=1) / click's Exit (whose code
// defaults to 0).
func (c *checker) exitCode(exc syntax.Node) (nonZero, ok bool) {
	exc = exc.Unparen()
	fn, args := exc, syntax.Node{}
	if exc.Is(syntax.KindCall) {
		fn, args = exc.ChildByField(syntax.FieldFunction), exc.ChildByField(syntax.FieldArguments)
	}
	q, _ := c.r.QualifiedName(fn)
	switch q {
	case "builtins.SystemExit":
		if args.IsZero() {
			return false, true
		}
		return nonZeroStatus(args.Argument(0, "code")), true
	case "typer.Exit", "click.exceptions.Exit", "click.Exit", "typer.exceptions.Exit":
		if args.IsZero() {
			return false, true
		}
		return nonZeroStatus(args.Argument(0, "code")), true
	}
	return false, false
}

// nonZeroStatus: an exit status argument that is not known to be 0 (None
// and a missing one are 0, a string is printed and gives 1).
func nonZeroStatus(v syntax.Node) bool {
	if v.IsZero() {
		return false
	}
	return truthy(v)
}

// exitMessage reports whether an exit carries a message (SystemExit("no
// config")), which Python prints to stderr.
func exitMessage(exc syntax.Node) bool {
	if !exc.Is(syntax.KindCall) {
		return false
	}
	v := exc.ChildByField(syntax.FieldArguments).PositionalArg(0).Unparen()
	return v.Is(syntax.KindString) || v.Is(syntax.KindConcatenatedString) || v.Is(syntax.KindBinaryOperator) || v.Is(syntax.KindCall)
}

// httpError returns the name of the HTTP error response a raise or call
// makes (FastAPI/Starlette HTTPException, werkzeug's exceptions, Flask's
// and werkzeug's abort(), Django's Http404, DRF's APIException family), or
// "". Frameworks turn these into responses without logging them.
func (c *checker) httpError(exc syntax.Node) string {
	exc = exc.Unparen()
	fn := exc
	if exc.Is(syntax.KindCall) {
		fn = exc.ChildByField(syntax.FieldFunction)
	}
	q, ok := c.r.QualifiedName(fn)
	if !ok {
		return ""
	}
	last := q[strings.LastIndexByte(q, '.')+1:]
	for _, p := range []string{"fastapi.", "starlette.", "werkzeug.exceptions.", "django.http.", "rest_framework.exceptions.", "flask."} {
		if strings.HasPrefix(q, p) && (strings.HasSuffix(last, "Exception") || strings.HasPrefix(p, "werkzeug") || last == "abort" || strings.HasPrefix(last, "Http")) {
			return last
		}
	}
	if q == "werkzeug.abort" || q == "werkzeug.exceptions.abort" {
		return "abort"
	}
	// The project's own subclass: SomethingHTTPException.
	if strings.HasSuffix(last, "HTTPException") {
		return last
	}
	return ""
}

// handedOn reports whether the identifier id (the exception's name) is the
// exception object handed to someone else: an argument of a call, a value
// stored or returned, an element of a collection that is — unless a call
// on the way only formats, prints or logs it. `e.args`, `str(e)`,
// `f"{e}"`, `logger.warning(describe(e))`, `isinstance(e, X)` and
// comparisons only read it.
func handedOn(id syntax.Node) bool {
	given := false // an argument of a call that keeps what it is given
	n := id
	for p := n.Parent(); !p.IsZero(); n, p = p, p.Parent() {
		switch p.Kind() {
		case syntax.KindTuple, syntax.KindList, syntax.KindSet, syntax.KindExpressionList,
			syntax.KindParenthesizedExpression, syntax.KindPair, syntax.KindDictionary,
			syntax.KindKeywordArgument, syntax.KindConditionalExpression, syntax.KindAwait:
			continue
		case syntax.KindArgumentList:
			continue
		case syntax.KindCall:
			if n.Is(syntax.KindArgumentList) {
				if formatsOnly(p) {
					return false
				}
				given = true
				continue
			}
			return given // the exception is the called object: e.with_traceback(...)
		case syntax.KindReturnStatement, syntax.KindYield:
			return true
		case syntax.KindAssignment, syntax.KindAugmentedAssignment:
			return given || n.Field() == syntax.FieldRight
		}
		return given
	}
	return given
}

// formatsOnly: calls that read an exception to show it, not to keep it:
// str(e), repr(e), type(e), isinstance(e, X), "...".format(e), print(e),
// and log calls (whose message keeps only the text).
func formatsOnly(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction)
	name := fn
	if fn.Is(syntax.KindAttribute) {
		name = fn.ChildByField(syntax.FieldAttribute)
		if logMethods[string(name.Text())] != noLevel || name.TextIs("format") || name.TextIs("join") ||
			name.TextIs("echo") || name.TextIs("secho") || name.TextIs("print") || name.TextIs("write") || name.TextIs("warn") {
			return true
		}
		return false
	}
	switch string(name.Text()) {
	case "str", "repr", "type", "isinstance", "issubclass", "getattr", "hasattr", "len", "bool", "id",
		"print", "format", "vars", "dir", "hash":
		return true
	}
	return false
}

// call reads a call in the handler: logging (with or without the
// traceback), printing, error trackers, exits.
func (c *checker) call(h handler, call syntax.Node, f *handling) {
	fn := call.ChildByField(syntax.FieldFunction)
	args := call.ChildByField(syntax.FieldArguments)
	if v := args.KeywordArg("exc_info"); !v.IsZero() && truthy(v) {
		// Only logging APIs take exc_info= (logging, structlog; a log
		// method held in a variable): the traceback is logged.
		f.records = true
		return
	}
	if v := args.KeywordArg("_exc_info"); !v.IsZero() && truthy(v) {
		f.records = true // logfire
		return
	}
	if c.records(fn) {
		f.records = true
		return
	}
	if nonZero, ok := c.exitCall(fn, args); ok && !conditional(h, call) {
		f.exit(nonZero, call)
		return
	}
	if name := c.httpError(call); name != "" {
		f.http, f.clientError = name, c.clientError(call, name)
		return
	}
	if c.r.Refers(fn, "streamlit.exception") {
		f.records = true // shows the traceback
		return
	}
	if c.r.Refers(fn, "streamlit.error", "streamlit.warning", "streamlit.info", "streamlit.toast") {
		// Streamlit shows it to the user, as print does.
		f.says = true
		f.prints = f.prints || c.mentions(h, args)
		return
	}
	mentions := c.mentions(h, args)
	// A call given the exception's text says something about it
	// (print_color(f"Error: {e}"), a project's own eprint()).
	f.says = f.says || mentions
	if name := c.showsUser(fn); name != "" && mentions {
		f.shows = name
		return
	}
	if fn.Is(syntax.KindAttribute) {
		method := string(fn.ChildByField(syntax.FieldAttribute).Text())
		recv := fn.ChildByField(syntax.FieldObject).Unparen()
		if lv := logMethods[method]; lv != noLevel {
			if method == "log" {
				lv = logLevelArg(args.PositionalArg(0))
			}
			switch {
			case lv == tracebackLevel && c.isLogger(recv):
				f.records = true
				return
			case c.loguruWithException(recv):
				f.records = true
				return
			case c.isLogger(recv) || c.r.Refers(fn, "warnings.warn"):
				f.says = true
				c.logged(f, lv, mentions, fn)
				if mentions && method == "error" &&
					args.KeywordArg("exc_info").IsZero() && c.isLogger(recv) {
					f.reports = append(f.reports, call)
				}
				return
			}
		}
		switch method {
		case "echo", "secho", "print", "print_json", "write":
			// click.echo / typer.echo / rich's console.print /
			// sys.stderr.write: shown to whoever runs the program.
			f.says = true
			f.prints = f.prints || mentions
			return
		}
	}
	if c.isPrint(call) || c.r.Refers(fn, "click.echo", "click.secho", "typer.echo", "typer.secho", "rich.print", "warnings.warn") {
		f.says = true
		f.prints = f.prints || mentions
		// print("Failed to disable foreign key checks. Continuing."):
		// the failure is announced, as by a log line without the error.
		f.printsWithout = f.printsWithout || !mentions && args.NamedChildCount() > 0
		return
	}
	if ref := c.calleeRef(fn); !ref.IsZero() {
		f.calls = append(f.calls, helperCall{Ref: ref, Always: !conditional(h, call)})
	}
}

// logLevelArg is the level of logging.log(level, ...): debug for
// logging.DEBUG (or 10), else info or above.
func logLevelArg(v syntax.Node) level {
	t := string(v.Text())
	if strings.HasSuffix(t, "DEBUG") || t == "10" || strings.Contains(strings.ToLower(t), `"debug"`) {
		return debugLevel
	}
	return infoLevel
}

func (c *checker) logged(f *handling, lv level, mentions bool, fn syntax.Node) {
	if lv == tracebackLevel {
		lv = errorLevel
	}
	switch {
	case !mentions:
		f.logsWithout = true
		f.withoutAt = max(f.withoutAt, lv)
	case lv == debugLevel:
		f.logsDebug = true
	case lv > f.logged:
		f.logged = lv
		f.loggedWith = string(fn.Text())
		if len(f.loggedWith) > 40 {
			f.loggedWith = string(fn.ChildByField(syntax.FieldAttribute).Text())
		}
	}
}

// records reports whether calling fn writes the current exception's
// traceback somewhere: traceback.print_exc() and its kin, a traceback
// formatted (traceback.format_exc(), which is then logged, shown or kept),
// rich's console.print_exception(), error trackers (Sentry's
// capture_exception, Google Cloud Error Reporting's report_exception,
// Rollbar's report_exc_info, New Relic's notice_error, OpenTelemetry's
// span.record_exception).
func (c *checker) records(fn syntax.Node) bool {
	var method []byte // switched on without a copy
	switch {
	case fn.Is(syntax.KindAttribute):
		method = fn.ChildByField(syntax.FieldAttribute).Text()
		recv := fn.ChildByField(syntax.FieldObject).Unparen()
		if c.r.Refers(recv, "traceback") {
			switch string(method) {
			case "print_exc", "print_exception", "format_exc", "format_exception", "print_tb", "format_tb", "print_last":
				return true
			}
			return false
		}
	case fn.Is(syntax.KindIdentifier):
		q, _ := c.r.QualifiedName(fn)
		switch q {
		case "traceback.print_exc", "traceback.print_exception", "traceback.format_exc", "traceback.format_exception":
			return true
		}
		method = fn.Text()
	default:
		return false
	}
	switch string(method) {
	case "capture_exception", "report_exception", "report_exc_info", "notice_error", "record_exception", "print_exception":
		return true
	case "handleError":
		// logging.Handler.handleError(record), a handler's emit's own
		// failure path: it prints the traceback of the exception being
		// handled to stderr (or re-raises, as logging.raiseExceptions
		// says); an override is the handler's own report.
		return fn.Is(syntax.KindAttribute)
	}
	return false
}

// exitCall reports whether the call ends the program, and then whether with
// a non-zero status: sys.exit(1), exit(1), quit(1), os._exit(1),
// ctx.fail(...) / ctx.abort() / ctx.exit(1) on a click or typer Context,
// parser.error(...) / parser.exit(1) on an argparse parser.
func (c *checker) exitCall(fn, args syntax.Node) (nonZero, ok bool) {
	if c.r.Refers(fn, "sys.exit", "builtins.exit", "builtins.quit", "os._exit") {
		return nonZeroStatus(args.Argument(0, "status")), true
	}
	if fn.Is(syntax.KindIdentifier) && exitParam.Match(fn.Text()) {
		// A callback the caller hands over to end the program
		// (`exit_fn=exit_with_error`, its docstring's "Called with an
		// error message when validation fails"): an exit with that message.
		if b := c.r.Lookup(fn); b != nil && b.Kind == names.Parameter {
			return true, true
		}
	}
	if !fn.Is(syntax.KindAttribute) {
		return false, false
	}
	method := string(fn.ChildByField(syntax.FieldAttribute).Text())
	recv := fn.ChildByField(syntax.FieldObject).Unparen()
	switch method {
	case "fail", "abort":
		if c.isClickContext(recv) {
			return true, true
		}
	case "exit":
		if c.isClickContext(recv) || c.isArgParser(recv) {
			return nonZeroStatus(args.PositionalArg(0)), true
		}
	case "error":
		if c.isArgParser(recv) {
			return true, true
		}
	}
	return false, false
}

// exitParam matches a parameter named for exiting: exit_fn, on_exit,
// exit_with_error, exit.
var exitParam = regexp.MustCompile(`(?i)(^|_)exit(_|$)`)

// isClickContext: a click or typer Context — a parameter annotated with
// it, the result of click.get_current_context(), or a parameter named ctx
// (what @click.pass_context passes).
func (c *checker) isClickContext(recv syntax.Node) bool {
	return c.boundTo(recv, []string{"click.Context", "click.core.Context", "typer.Context"},
		[]string{"click.get_current_context", "typer.get_current_context"}, "ctx")
}

// isArgParser: an argparse.ArgumentParser.
func (c *checker) isArgParser(recv syntax.Node) bool {
	return c.boundTo(recv, []string{"argparse.ArgumentParser"}, []string{"argparse.ArgumentParser"}, "")
}

// boundTo reports whether the identifier recv is a parameter annotated with
// one of types, a variable assigned a call of one of makers, or (when
// paramName is not "") a parameter of that name.
func (c *checker) boundTo(recv syntax.Node, types, makers []string, paramName string) bool {
	if !recv.Is(syntax.KindIdentifier) {
		return false
	}
	b := c.r.Lookup(recv)
	if b == nil {
		return false
	}
	switch b.Kind {
	case names.Parameter:
		if paramName != "" && b.Name == paramName {
			return true
		}
		p := b.Node.Parent()
		if p.Is(syntax.KindTypedParameter) || p.Is(syntax.KindTypedDefaultParam) {
			return c.r.Refers(p.ChildByField(syntax.FieldType).FirstNamedChild(), types...)
		}
	case names.Assignment:
		v := b.Value.Unparen()
		return v.Is(syntax.KindCall) && c.r.Refers(v.ChildByField(syntax.FieldFunction), makers...)
	}
	return false
}

// texts returns the names that hold the exception or text made from it in
// the handler: its `as` name, and variables the handler assigns from them
// (`msg = "payment failed: " + str(e)`), in order.
func (c *checker) texts(h handler) map[string]bool {
	texts := map[string]bool{}
	if h.name == nil {
		return texts
	}
	texts[string(h.name)] = true
	for n := range ownNodes(h.body) {
		switch n.Kind() {
		case syntax.KindAssignment, syntax.KindAugmentedAssignment:
			left := n.ChildByField(syntax.FieldLeft)
			if left.Is(syntax.KindIdentifier) && c.mentionsIn(texts, n.ChildByField(syntax.FieldRight)) {
				texts[string(left.Text())] = true
			}
		}
	}
	return texts
}

// mentions reports whether the arguments include the exception: its name
// (e, str(e), f"{e}", e.args), text made from it, or sys.exc_info().
func (c *checker) mentions(h handler, args syntax.Node) bool {
	return c.mentionsIn(h.texts, args)
}

func (c *checker) mentionsIn(texts map[string]bool, args syntax.Node) bool {
	if args.IsZero() {
		return false
	}
	t := args.Tree()
	for i, end := args.Index(), args.SubtreeEnd(); i < end; i++ {
		n := t.Node(i)
		switch {
		case n.Is(syntax.KindLambda):
			i = n.SubtreeEnd() - 1
		case n.Is(syntax.KindIdentifier) && texts[string(n.Text())] && !isAttributeName(n):
			return true
		case n.Is(syntax.KindCall) && c.r.Refers(n.ChildByField(syntax.FieldFunction), "sys.exc_info", "sys.exception"):
			return true
		}
	}
	return false
}

// isAttributeName: id is the attribute of `x.id`, not a variable.
func isAttributeName(id syntax.Node) bool {
	return id.Field() == syntax.FieldAttribute && id.Parent().Is(syntax.KindAttribute)
}

// loguruWithException: loguru's logger.opt(exception=e) (or exception=True),
// whose log calls carry the traceback.
func (c *checker) loguruWithException(recv syntax.Node) bool {
	if !recv.Is(syntax.KindCall) {
		return false
	}
	fn := recv.ChildByField(syntax.FieldFunction)
	if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("opt") {
		return false
	}
	v := recv.ChildByField(syntax.FieldArguments).KeywordArg("exception")
	return !v.IsZero() && truthy(v)
}

// showsUser returns the name of fn when it shows a message to the person
// using a web UI: Flask's flash(), Django's messages.error(...) and its
// kin, or a function or method whose name says it makes a toast or a flash
// message (add_toast, flash_error, ui.notify_toast); else "".
func (c *checker) showsUser(fn syntax.Node) string {
	fn = fn.Unparen()
	if c.r.Refers(fn, "flask.flash", "django.contrib.messages.error", "django.contrib.messages.warning",
		"django.contrib.messages.info", "django.contrib.messages.add_message") {
		return string(fn.Text())
	}
	name := fn
	if fn.Is(syntax.KindAttribute) {
		name = fn.ChildByField(syntax.FieldAttribute)
	}
	if !name.Is(syntax.KindIdentifier) {
		return ""
	}
	n := strings.ToLower(string(name.Text()))
	if strings.Contains(n, "toast") || strings.Contains(n, "flash") {
		return string(name.Text())
	}
	return ""
}

// commented reports whether the handler holds a comment.
func commented(h handler) bool {
	t := h.clause.Tree()
	for i, end := h.clause.Index(), h.clause.SubtreeEnd(); i < end; i++ {
		if t.Node(i).Is(syntax.KindComment) {
			return true
		}
	}
	return false
}
