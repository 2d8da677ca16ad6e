package python

import (
	"regexp"
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

// What the `try` body guards, and what the handler gives back: the
// handlers real code writes on purpose (issue 11's sample) are reported
// below the level of a handler that hides a failure.
//
//   - A body that can fail only on its input (parsing and conversion: int(),
//     json.loads, datetime.fromisoformat, subscripts, string methods) or
//     only on imports (an optional dependency) makes the handler a fallback:
//     a note, since narrowing it is all there is to do.
//   - A body that only cleans up (close(), os.remove(), shutil.rmtree(),
//     cancel()) makes a swallowing handler best-effort cleanup: a note.
//   - A handler whose whole body is `return False` (or True) answers a
//     question (is it reachable? does it exist?): a failure becomes an
//     ordinary "no" — a warning, not the error of a silent swallow.
//   - A handler that returns the error's text to its caller (`return
//     {"error": str(e)}`, `return f"Error: {e}"`, or a variable holding it
//     that the function returns) hands the failure on as a value: a note —
//     unless the function is a web handler or the value an HTTP response,
//     where the client gets the error and the logs nothing.

// guarded describes what the try body guards when that makes the handler a
// fallback ("parsing (int)", "imports"), best-effort cleanup ("cleanup
// (close)": cleanup is true) or a guard around logging ("logging
// (logger.error)": logs is true — the body only logs, and computes what it
// logs, as a logging callback does). "" when it does none of these.
func (c *checker) guarded(h handler) (what string, cleanup, logs bool) {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) {
		return "", false, false
	}
	body := try.ChildByField(syntax.FieldBody)
	var first, firstLog string
	input, clean, logOnly, imports, calls, lookups := true, true, true, false, 0, 0
	for n := range ownNodes(body) {
		switch n.Kind() {
		case syntax.KindRaiseStatement, syntax.KindYield, syntax.KindWithStatement, syntax.KindForStatement, syntax.KindWhileStatement:
			return "", false, false
		case syntax.KindAwait:
			input, logOnly = false, false
		case syntax.KindImportStatement, syntax.KindImportFromStatement:
			imports = true
			clean, logOnly = false, false
		case syntax.KindSubscript:
			lookups++
			clean = false
		case syntax.KindCall:
			calls++
			name := c.calleeName(n)
			if first == "" {
				first = name
			}
			pure := c.inputOnlyCall(n)
			if !pure {
				input = false
			}
			if !c.cleanupCall(n) {
				clean = false
			}
			switch {
			case c.logCall(n):
				if firstLog == "" {
					firstLog = string(n.ChildByField(syntax.FieldFunction).Text())
				}
			case !pure && !c.r.Refers(n.ChildByField(syntax.FieldFunction), "builtins.isinstance", "builtins.len", "builtins.str", "builtins.repr"):
				logOnly = false
			}
		}
		if !input && !clean && !logOnly {
			return "", false, false
		}
	}
	switch {
	case input && imports && calls == 0:
		return "imports", false, false
	case input && calls > 0:
		return "parsing and conversion (" + first + ")", false, false
	case input && lookups > 0 && !imports:
		return "lookups (a subscript)", false, false
	case clean && calls > 0:
		return "cleanup (" + first + ")", true, false
	case logOnly && firstLog != "":
		return "logging (" + firstLog + ")", false, true
	}
	return "", false, false
}

// logCall: a call of a logging method (logMethods) on a logger.
func (c *checker) logCall(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) {
		return false
	}
	return logMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] != noLevel && c.isLogger(fn.ChildByField(syntax.FieldObject).Unparen())
}

// calleeName is a short name for the called function: `int`,
// `json.loads`, `close`.
func (c *checker) calleeName(call syntax.Node) string {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if fn.Is(syntax.KindAttribute) {
		obj := fn.ChildByField(syntax.FieldObject).Unparen()
		attr := string(fn.ChildByField(syntax.FieldAttribute).Text())
		if obj.Is(syntax.KindIdentifier) && c.imported(obj) {
			return string(obj.Text()) + "." + attr // json.loads, os.remove
		}
		return attr
	}
	return string(fn.Text())
}

// imported: the name is bound by an import (a module or what it exports).
func (c *checker) imported(id syntax.Node) bool {
	b := c.r.Lookup(id)
	return b != nil && b.Kind == names.Import
}

// inputErrors are what a call that fails only on its input raises.
var inputErrors = map[string]bool{
	"builtins.ValueError": true, "json.JSONDecodeError": true, "decimal.InvalidOperation": true,
	"yaml.YAMLError": true, "builtins.LookupError": true, "builtins.KeyError": true, "builtins.IndexError": true,
}

// pureMethods are methods of str, bytes, dict, list and re's matches that
// fail only on their input (or on a bug).
var pureMethods = map[string]bool{
	"split": true, "rsplit": true, "splitlines": true, "strip": true, "lstrip": true, "rstrip": true,
	"replace": true, "lower": true, "upper": true, "title": true, "capitalize": true, "casefold": true,
	"startswith": true, "endswith": true, "join": true, "format": true, "encode": true, "decode": true,
	"get": true, "pop": true, "items": true, "keys": true, "values": true, "copy": true, "isoformat": true,
	"group": true, "groups": true, "groupdict": true, "count": true, "find": true, "rfind": true,
	"index": true, "partition": true, "rpartition": true, "zfill": true, "isdigit": true, "isnumeric": true,
	"removeprefix": true, "removesuffix": true, "strftime": true, "timestamp": true, "total_seconds": true,
	"astimezone": true, "hex": true, "fromisoformat": true, "strptime": true, "fromtimestamp": true,
	"hexdigest": true, "digest": true,
}

// pureFunctions fail only on their input too (besides the exceptions
// table's parsers).
var pureFunctions = map[string]bool{
	"builtins.int": true, "builtins.float": true, "builtins.complex": true, "builtins.bytes": true,
	"builtins.min": true, "builtins.max": true, "builtins.sum": true, "builtins.format": true,
	"builtins.ord": true, "builtins.chr": true, "builtins.divmod": true, "builtins.pow": true,
	"json.dumps": true, "urllib.parse.urlparse": true, "urllib.parse.urlsplit": true,
	"urllib.parse.parse_qs": true, "urllib.parse.unquote": true, "urllib.parse.quote": true,
	"urllib.parse.urlencode": true, "urllib.parse.quote_plus": true, "urllib.parse.unquote_plus": true,
	"urllib.parse.urljoin": true, "urllib.parse.urlunparse": true, "urllib.parse.parse_qsl": true, "re.match": true, "re.search": true, "re.fullmatch": true,
	"re.sub": true, "re.findall": true, "re.split": true, "re.compile": true, "ast.literal_eval": true,
	"datetime.datetime": true, "datetime.date": true, "datetime.timedelta": true,
	"datetime.datetime.fromtimestamp": true, "ipaddress.ip_address": true, "ipaddress.ip_network": true,
	"importlib.import_module": true, "importlib.metadata.version": true, "html.unescape": true,
	"shlex.split": true, "uuid.UUID": true, "math.log": true, "math.sqrt": true, "packaging.version.Version": true,
	"packaging.version.parse": true, "dateutil.parser.parse": true, "dateutil.parser.isoparse": true,
	"email.utils.parsedate_to_datetime": true, "zoneinfo.ZoneInfo": true, "fractions.Fraction": true,
	// Digests and encodings of bytes in hand: a key for deduplication, a
	// cache key (hashlib.md5(json.dumps(args).encode()).hexdigest()).
	"hashlib.md5": true, "hashlib.sha1": true, "hashlib.sha224": true, "hashlib.sha256": true,
	"hashlib.sha384": true, "hashlib.sha512": true, "hashlib.blake2b": true, "hashlib.blake2s": true,
	"hashlib.sha3_256": true, "hashlib.sha3_512": true, "hashlib.new": true, "zlib.crc32": true,
	"zlib.adler32": true, "base64.b64encode": true, "base64.b64decode": true,
	"base64.urlsafe_b64encode": true, "base64.urlsafe_b64decode": true,
}

// inputOnlyCall reports whether the call can fail only on its input: a
// parser from the exceptions table, a builtin or standard function that
// only computes, or a method of a string, a dict or a match.
func (c *checker) inputOnlyCall(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if q, ok := c.r.QualifiedName(fn); ok {
		if noRaise[q] || pureFunctions[q] {
			return true
		}
		if qs, ok := calls[q]; ok {
			for _, e := range qs {
				if !inputErrors[e] {
					return false
				}
			}
			return true
		}
		if libraryOf(q) != "" {
			return false
		}
		if !fn.Is(syntax.KindAttribute) {
			return false
		}
		// A method of an imported module's object: json.loads's kin are in
		// the tables; anything else there (requests.get) is not.
		if obj := fn.ChildByField(syntax.FieldObject).Unparen(); obj.Is(syntax.KindIdentifier) && c.imported(obj) {
			return false
		}
	}
	if !fn.Is(syntax.KindAttribute) {
		return false
	}
	recv := fn.ChildByField(syntax.FieldObject)
	if responseBody(call) {
		return true
	}
	return pureMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] && c.libraryOfValue(recv, 0) == "" && !remoteLike(recv)
}

// responseName: a name that holds an HTTP response (`response`, `resp`,
// `res`, `r`, `error_response`, `httpx_error.response`).
var responseName = regexp.MustCompile(`(?i)^(r|res|resp|response|\w+_resp|\w+_response)$`)

// responseBody: `.json()` of a response already received — requests' and
// httpx's Response.json() parse the body in hand (an error page that is
// not JSON raises a ValueError), no I/O. The await of aiohttp's
// `await resp.json()`, which reads the body, is I/O and is not one (an
// await makes guarded's try more than input).
func responseBody(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("json") {
		return false
	}
	for a := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
		if !a.Is(syntax.KindKeywordArgument) {
			return false
		}
	}
	recv := fn.ChildByField(syntax.FieldObject).Unparen()
	if recv.Is(syntax.KindAttribute) {
		recv = recv.ChildByField(syntax.FieldAttribute)
	}
	return recv.Is(syntax.KindIdentifier) && responseName.Match(recv.Text())
}

// remoteLike: a receiver whose name says it talks to something
// (`self.session.get(url)`, `redis_client.get(key)`, `cache.get(k)`): its
// get/keys/... are I/O, not a dict's.
func remoteLike(recv syntax.Node) bool {
	var names strings.Builder // the names in it, not its strings' content
	t := recv.Tree()
	for i, end := recv.Index(), recv.SubtreeEnd(); i < end; i++ {
		if n := t.Node(i); n.Is(syntax.KindIdentifier) {
			names.WriteString(strings.ToLower(string(n.Text())))
			names.WriteByte(' ')
		}
	}
	text := names.String()
	for _, w := range []string{"session", "client", "http", "api", "conn", "request", "redis", "cache", "db", "store", "bucket", "s3", "remote", "service", "repo"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// cleanupMethods release something; an error while doing so is usually
// safe to ignore.
var cleanupMethods = map[string]bool{
	"close": true, "aclose": true, "disconnect": true, "shutdown": true, "stop": true, "cancel": true,
	"terminate": true, "kill": true, "cleanup": true, "release": true, "quit": true, "dispose": true,
	"wait_closed": true, "unlink": true, "rmdir": true, "unsubscribe": true, "unregister": true,
	"flush": true, "join": true, "remove_handler": true, "stop_listening": true, "close_all": true,
}

// cleanupFunctions remove files and directories.
var cleanupFunctions = map[string]bool{
	"os.remove": true, "os.unlink": true, "os.rmdir": true, "shutil.rmtree": true, "os.close": true,
	"os.kill": true, "gc.collect": true,
}

// cleanupCall reports whether the call releases or removes something.
func (c *checker) cleanupCall(call syntax.Node) bool {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if q, ok := c.r.QualifiedName(fn); ok && (cleanupFunctions[q] || noRaise[q]) {
		return true
	}
	if !fn.Is(syntax.KindAttribute) {
		return false
	}
	return cleanupMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())]
}

// answersBool: the handler's body is only `return False` (or True): "False"
// or "True", else "".
func answersBool(h handler) string {
	st := h.body.FirstNamedChild()
	if h.body.NamedChildCount() != 1 || !st.Is(syntax.KindReturnStatement) {
		return ""
	}
	switch v := st.FirstNamedChild().Unparen(); {
	case v.Is(syntax.KindTrue):
		return "True"
	case v.Is(syntax.KindFalse):
		return "False"
	}
	return ""
}

// returnsText reports whether the handler gives the error's text back to
// its caller as a value: a return in the handler of something made from
// the exception's text, or a variable the handler sets from it that the
// function returns — not an HTTP response and not from a web handler, whose
// caller is a client.
func (c *checker) returnsText(h handler) bool {
	if h.name == nil {
		return false
	}
	fn := enclosingFunction(h.clause)
	if fn.IsZero() || c.webHandler(fn) {
		return false
	}
	return c.returnedText(h, fn, true, func(v syntax.Node) bool { return !c.response(v) })
}

// returnedText reports whether fn returns the error's text in a value keep
// accepts: from a return in the handler, or (when after is set) from a
// return after it of a variable the handler set from the text (`error =
// str(e)` in the handler, `return data, error` after it).
func (c *checker) returnedText(h handler, fn syntax.Node, after bool, keep func(v syntax.Node) bool) bool {
	for n := range ownNodes(h.body) {
		if n.Is(syntax.KindReturnStatement) {
			if v := n.FirstNamedChild(); !v.IsZero() && c.mentionsIn(h.texts, v) && keep(v) {
				return true
			}
		}
	}
	set := map[string]bool{}
	for name := range h.texts {
		if name != string(h.name) {
			set[name] = true
		}
	}
	if !after || len(set) == 0 {
		return false
	}
	for n := range ownNodes(fn.ChildByField(syntax.FieldBody)) {
		if n.Is(syntax.KindReturnStatement) && n.Start() > h.clause.End() {
			if v := n.FirstNamedChild(); !v.IsZero() && c.mentionsIn(set, v) && keep(v) {
				return true
			}
		}
	}
	return false
}

// failureWords are what a fixed text says when it stands for a failure.
var failureWords = regexp.MustCompile(`(?i)\b(error|errors|fail|failed|failure|unknown|unavailable|n/a|could not|couldn'?t|cannot|can'?t|unable)\b`)

// failText returns the fixed text the handler returns when it says it
// failed (`return "unknown error"`, `return "error fetching version"`),
// quoted as written; "" otherwise, and from a web handler, whose caller is
// a client that gets it as an ordinary answer.
func (c *checker) failText(h handler) string {
	for n := range ownNodes(h.body) {
		if !n.Is(syntax.KindReturnStatement) {
			continue
		}
		v := n.FirstNamedChild().Unparen()
		if s, ok := v.StringLiteral(); ok && v.Is(syntax.KindString) && !isFString(v) && failureWords.MatchString(s) {
			if fn := enclosingFunction(h.clause); fn.IsZero() || c.webHandler(fn) {
				return ""
			}
			return string(v.Text())
		}
	}
	return ""
}

// failureList: the name of a collection that gathers failures for a
// report (report_entries, errors, failed_items, skipped, warnings).
var failureList = regexp.MustCompile(`(?i)(report|errors?$|^errs?$|fail|issues?$|problems?$|warnings?$|skipped|invalid|rejected)`)

// addMethods add an element to a collection.
var addMethods = map[string]bool{"append": true, "add": true, "extend": true, "insert": true, "put": true, "put_nowait": true}

// collects names the handler's call that adds the error's text to a
// collection of failures (`self.report_entries.append(Entry(exception=f"{e}"))`,
// `errors.append(str(e))`), "" when it makes none. A collection keeps the
// exception object itself is handing it on (handedOn), not this.
func (c *checker) collects(h handler) string {
	if h.name == nil {
		return ""
	}
	for n := range ownNodes(h.body) {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if !fn.Is(syntax.KindAttribute) || !addMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] {
			continue
		}
		recv := fn.ChildByField(syntax.FieldObject).Unparen()
		name := recv
		if recv.Is(syntax.KindAttribute) {
			name = recv.ChildByField(syntax.FieldAttribute)
		}
		if !name.Is(syntax.KindIdentifier) || !failureList.Match(name.Text()) || !c.mentions(h, n.ChildByField(syntax.FieldArguments)) {
			continue
		}
		return string(fn.Text())
	}
	return ""
}

// errorFields are the fields of a result that say it failed.
var errorFields = map[string]bool{"error": true, "err": true, "error_code": true, "error_message": true, "failure": true, "failure_reason": true}

// errorResult names the result the handler returns when it is built with
// a field that says it failed (`UrlInfo(url, error="connection_error")`,
// `Result(success=False)`), outside web handlers (where it is a response):
// "" otherwise.
func (c *checker) errorResult(h handler) string {
	fn := enclosingFunction(h.clause)
	if fn.IsZero() || c.webHandler(fn) {
		return ""
	}
	for n := range ownNodes(h.body) {
		if !n.Is(syntax.KindReturnStatement) {
			continue
		}
		v := n.FirstNamedChild().Unparen()
		if !v.Is(syntax.KindCall) || c.response(v) {
			continue
		}
		for a := range v.ChildByField(syntax.FieldArguments).NamedChildren() {
			if !a.Is(syntax.KindKeywordArgument) {
				continue
			}
			k, val := string(a.ChildByField(syntax.FieldName).Text()), a.ChildByField(syntax.FieldValue).Unparen()
			s, isStr := val.StringLiteral()
			switch {
			case errorFields[k] && isStr && s != "" && !isFString(val),
				(k == "success" || k == "ok") && val.Is(syntax.KindFalse):
				return c.calleeName(v) + "(" + string(a.Text()) + ")"
			}
		}
	}
	return ""
}

func enclosingFunction(n syntax.Node) syntax.Node {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) {
			return p
		}
		if p.Is(syntax.KindClassDefinition) {
			break
		}
	}
	return syntax.Node{}
}

// webHandler reports whether fn is decorated as a web handler: a route
// (the web vocabulary's route decorators, whatever its path) or a Cloud
// Functions entry point.
func (c *checker) webHandler(fn syntax.Node) bool {
	d := fn.Parent()
	if !d.Is(syntax.KindDecoratedDefinition) {
		return false
	}
	for dec := range d.NamedChildren() {
		if !dec.Is(syntax.KindDecorator) {
			continue
		}
		e := dec.FirstNamedChild().Unparen()
		if entry, ok := web.DecoratorEntry(c.r, e); ok && (entry.Kind == web.RouteHandler || entry.Kind == web.CloudFunction) {
			return true
		}
		if e.Is(syntax.KindCall) {
			e = e.ChildByField(syntax.FieldFunction).Unparen()
		}
		if e.Is(syntax.KindAttribute) {
			if _, ok := web.RouteDecorators[string(e.ChildByField(syntax.FieldAttribute).Text())]; ok {
				return true // a route whose path is computed
			}
		}
	}
	return false
}

// response reports whether v is an HTTP response: a web framework's
// response or jsonify(...), or a Flask (body, status) tuple.
func (c *checker) response(v syntax.Node) bool {
	v = v.Unparen()
	if v.Is(syntax.KindTuple) || v.Is(syntax.KindExpressionList) {
		var last syntax.Node
		for e := range v.NamedChildren() {
			last = e
		}
		if last.Is(syntax.KindInteger) || strings.Contains(string(last.Text()), "HTTP") || strings.Contains(string(last.Text()), "status") {
			return true
		}
		for e := range v.NamedChildren() {
			if c.response(e) {
				return true
			}
		}
		return false
	}
	if !v.Is(syntax.KindCall) {
		return false
	}
	q, ok := c.r.QualifiedName(v.ChildByField(syntax.FieldFunction))
	if !ok {
		return false
	}
	for _, p := range []string{"fastapi.", "starlette.", "flask.", "werkzeug.", "django.", "rest_framework.", "aiohttp.", "quart.", "sanic."} {
		if strings.HasPrefix(q, p) {
			return true
		}
	}
	return false
}

// clientError reports whether the raised or called HTTP error is a 4xx
// (HTTPException(status_code=400), HTTPStatus.BAD_REQUEST,
// status.HTTP_404_NOT_FOUND, abort(400), werkzeug's BadRequest/NotFound/...).
func (c *checker) clientError(exc syntax.Node, name string) bool {
	switch name {
	case "BadRequest", "NotFound", "Forbidden", "Unauthorized", "Conflict", "UnprocessableEntity",
		"MethodNotAllowed", "Gone", "RequestEntityTooLarge", "UnsupportedMediaType", "Http404",
		"ValidationError", "ParseError", "NotAuthenticated", "PermissionDenied", "NotAcceptable":
		return true
	}
	exc = exc.Unparen()
	if !exc.Is(syntax.KindCall) {
		return false
	}
	args := exc.ChildByField(syntax.FieldArguments)
	v := args.Argument(0, "status_code")
	if v.IsZero() {
		v = args.KeywordArg("code")
	}
	return statusIs4xx(v)
}

// statusIs4xx: 400..499 written as a number, an HTTPStatus member or a
// starlette/fastapi status constant.
func statusIs4xx(v syntax.Node) bool { return statusClass(v) == '4' }

// statusIs5xx: a server error status (500, HTTP_500_...,
// HTTPStatus.INTERNAL_SERVER_ERROR).
func statusIs5xx(v syntax.Node) bool { return statusClass(v) == '5' }

// statusNames are the HTTPStatus (and starlette/fastapi status) member
// names the rule knows, by class.
var statusNames = map[string]byte{
	"BAD_REQUEST": '4', "NOT_FOUND": '4', "FORBIDDEN": '4', "UNAUTHORIZED": '4', "CONFLICT": '4', "UNPROCESSABLE": '4',
	"METHOD_NOT_ALLOWED": '4', "NOT_ACCEPTABLE": '4', "GONE": '4', "REQUEST_ENTITY_TOO_LARGE": '4',
	"UNSUPPORTED_MEDIA_TYPE": '4', "TOO_MANY_REQUESTS": '4',
	"INTERNAL_SERVER_ERROR": '5', "BAD_GATEWAY": '5', "SERVICE_UNAVAILABLE": '5', "GATEWAY_TIMEOUT": '5', "NOT_IMPLEMENTED": '5',
}

// statusClass is the first digit of the HTTP status v writes ('4', '5'),
// or 0 when it is none the rule knows.
func statusClass(v syntax.Node) byte {
	v = v.Unparen()
	t := string(v.Text())
	if v.Is(syntax.KindInteger) {
		if len(t) == 3 {
			return t[0]
		}
		return 0
	}
	if i := strings.Index(t, "HTTP_"); i >= 0 && i+5 < len(t) {
		return t[i+5]
	}
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return statusNames[t[i+1:]]
	}
	return 0
}

// deliberateWords are what a comment in a handler says when its author
// decided to let the error go (besides onPurpose's words, which also
// withhold the fix): "Silently ignore tracking errors", "best effort",
// "not critical", "optional", "must not raise".
var deliberateWords = regexp.MustCompile(`(?i)(silent(ly)?|ignor(e|ed|es|ing)|best[- ]effort|not (critical|important|fatal)|non-?critical|optional|harmless|safe to|doesn'?t matter|does not matter|(is|are|'s) (fine|ok|okay|acceptable)|swallow|never (let|break|fail)|(must|should|shall)(n'?t| not| never) (break|fail|impact|affect|raise|crash|stop|block|lose|interrupt|abort|prevent)|do(n'?t| not) (let|break|fail|raise|crash)|(avoid|without) (rais|throw|crash)(e|es|ed|ing)?\b|never (rais|throw)(e|es|ing)?\b)`)

// expectedWords are what a comment in a handler says when the failure is
// an outcome the code expects and has an answer for: a fallback ("fall back
// to the plain prompts", "default to printing without styling"), a skip
// ("skip malformed entries"), a failure it names as possible ("this call
// may raise", "job may not exist", "either the task failed or the timeout
// was reached", "transient lookup failure"), or the condition the handler
// answers ("if we can't persist, still return the generated ID").
var expectedWords = regexp.MustCompile(`(?i)(\bfall(s|ing)?[- ]?back\b|\bdefault(s|ing)? to\b|\bsafe default|\bskip(s|ped|ping)?\b|\bexpected\b|\b(may|might|can|could|sometimes|often)( not|n'?t)? (fail|raise|throw|time ?out|exist|be (missing|absent|gone|unavailable|closed|empty))|\b(does|do|did)(n'?t| not) exist|\bno longer exists?\b|\bnot (found|available|installed|supported|present)\b|\bunavailable\b|\beither\b[^.]*\bor\b|\btime(d)? ?out\b|\btransient\b|\bretr(y|ies|ied)\b|\bif\b[^.]*\b(can'?t|cannot|couldn'?t|could not|fails?|failed)\b)`)

var notADecision = regexp.MustCompile(`(?i)\b(TODO|FIXME|XXX|HACK)\b`)

// A handler's comment is read as one of these.
const (
	saysNothing = iota
	saysDeliberate
	saysExpected
)

// deliberate reads the comments in the handler (its body, or on its except
// line): whether they say the error is let go on purpose (saysDeliberate)
// or that the failure is an outcome the code expects (saysExpected), and
// the comment that says so, for the message. Comments on consecutive lines
// are read as one block, and a block with a TODO or FIXME is not a
// decision, whatever else it says ("TODO: handle this; ignore for now").
func deliberate(h handler) (says int, quote string) {
	text := h.clause.Text()
	start := h.clause.Start()
	t := h.clause.Tree()
	var blocks [][2]int // byte ranges of comment blocks, in text
	for i, end := h.clause.Index(), h.clause.SubtreeEnd(); i < end; i++ {
		n := t.Node(i)
		if !n.Is(syntax.KindComment) {
			continue
		}
		a, b := n.Start()-start, n.End()-start
		if k := len(blocks) - 1; k >= 0 && oneLineBreak(text[blocks[k][1]:a]) {
			blocks[k][1] = b
			continue
		}
		blocks = append(blocks, [2]int{a, b})
	}
	for _, blk := range blocks {
		if says, quote := commentSays(text[blk[0]:blk[1]]); says != saysNothing {
			return says, quote
		}
	}
	return saysNothing, ""
}

// commentSays reads one comment block (or a docstring): saysDeliberate,
// saysExpected or saysNothing, and the quote for the message.
func commentSays(c []byte) (says int, quote string) {
	switch {
	case len(c) == 0 || notADecision.Match(c):
		return saysNothing, ""
	case onPurpose.Match(c) || deliberateWords.Match(c):
		return saysDeliberate, commentQuote(c)
	case expectedWords.Match(c):
		return saysExpected, commentQuote(c)
	}
	return saysNothing, ""
}

// oneLineBreak: b is whitespace with exactly one line break (the next
// comment is on the next line).
func oneLineBreak(b []byte) bool {
	n := 0
	for _, c := range b {
		switch c {
		case '\n':
			n++
		case ' ', '\t', '\r', '\f':
		default:
			return false
		}
	}
	return n == 1
}

// commentQuote is a comment block as one line without its hashes, cut to
// about 70 characters on a word boundary.
func commentQuote(c []byte) string {
	var words []string
	for _, line := range strings.Split(string(c), "\n") {
		line = strings.TrimLeft(strings.TrimSpace(line), "#")
		words = append(words, strings.Fields(line)...)
	}
	out := ""
	for _, w := range words {
		if len(out)+len(w) > 70 {
			return out + " ..."
		}
		if out != "" {
			out += " "
		}
		out += w
	}
	return out
}
