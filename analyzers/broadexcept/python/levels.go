package python

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// What a swallow costs depends on what the `try` guarded and on what its
// author wrote above it, not only on the handler's body (issue 11's hand-
// judged draw: "right but too loud"). These adjust a verdict (judge) in
// every role; the role model (roles.go) lowers it further outside service
// code.
//
//   - A swallow around a best-effort action — telemetry (analytics,
//     metrics, usage tracking: the try's calls, or the function around it,
//     say so) or a cleanup (delete, close, cancel, terminate, ...) — is a
//     note: the program loses nothing it needs.
//   - A comment block right above the `try` (or the `with
//     suppress(...)`) that says the failure is let go on purpose or
//     expected, and talks about a failure ("best effort", "a failure here
//     must never skip the exit"), counts as the handler's own comment. A
//     comment above that only describes the code does not.
//   - A swallow around a write of bookkeeping only (a status, timestamps, a
//     log tail: the keys written say so) is a warning: the record goes
//     stale, but the work it describes is done.
//   - A function whose name says it may give nothing (try_get_user,
//     maybe_load, get_or_none) that answers None for every error is a
//     warning: None is its documented answer, but a failure of its own (a
//     database error) looks the same.

// telemetryName: a function whose name says it sends telemetry — a verb of
// sending and a telemetry noun (track_usage, send_metrics,
// record_milestone), not a noun alone (performance_metrics serves metrics;
// it sends none). In a telemetry file (telemetryFile: prefect's
// _internal/analytics/emit.py, usage_metrics.py) a verb of sending is
// enough (emit_sdk_event, track); elsewhere an event is no telemetry:
// `publish_event` feeds a message bus, dbt's `_capture_event` a log.
var (
	telemetryName = regexp.MustCompile(`(?i)^_*(emit|track|send|report|record|push|flush|enqueue|publish|capture)_(\w+_)?(usage|metrics?|analytics|telemetry|milestones?|heartbeats?)$`)
	telemetryVerb = regexp.MustCompile(`(?i)^_*(emit|track|send|capture|report|record|enqueue|flush)(_|$)`)
)

// bestEffort describes the best-effort action the try around the handler
// guards ("telemetry (try_mark_milestone)", "a cleanup (delete)"), or "".
func (c *checker) bestEffort(h handler) string {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) {
		return ""
	}
	body := try.ChildByField(syntax.FieldBody)
	if c.optionalAction(body) {
		return c.actionKind(body)
	}
	if telemetryFile(c.pass.Path) && (stmts(h.body) == 0 || expectedFailure(h)) {
		if r := stateRead(body); r != "" {
			return "telemetry (a read of its state, " + r + ")"
		}
	}
	if fn := enclosingFunction(h.clause); !fn.IsZero() && !c.webHandler(fn) {
		if name := string(fn.ChildByField(syntax.FieldName).Text()); telemetryName.MatchString(name) ||
			telemetryVerb.MatchString(name) && telemetryFile(c.pass.Path) {
			return "telemetry (" + name + ")"
		}
	}
	return ""
}

// readCalls read a file or decode what was read.
var readCalls = map[string]bool{
	"read_text": true, "read_bytes": true, "read": true, "open": true, "load": true, "loads": true,
	"safe_load": true, "exists": true, "is_file": true, "Path": true, "get": true, "str": true, "int": true,
}

// stateRead names the first read of a try body that only reads (a file
// and what decodes it: `json.loads(path.read_text())`), "" otherwise. In a
// telemetry file, what it reads is the telemetry's own state (an install
// id, the milestones reached): the program needs none of it.
func stateRead(body syntax.Node) string {
	first := ""
	for n := range ownNodes(body) {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		name := shortName(fn)
		if !readCalls[name] {
			return ""
		}
		if first == "" || name == "read_text" || name == "read_bytes" || name == "open" {
			first = name
		}
	}
	return first
}

// shortName is a callee's last name: `close` of `ws.close`, `open`.
func shortName(fn syntax.Node) string {
	if fn.Is(syntax.KindAttribute) {
		return string(fn.ChildByField(syntax.FieldAttribute).Text())
	}
	return string(fn.Text())
}

// actionKind names what an optional action's first call does.
func (c *checker) actionKind(body syntax.Node) string {
	for n := range ownNodes(body) {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		name := shortName(fn)
		q, _ := c.r.QualifiedName(fn)
		switch {
		case optionalWords.MatchString(string(fn.Text())) || telemetryCallee(q):
			return "telemetry (" + name + ")"
		case cleanupMethods[name] || strings.HasPrefix(name, "delete"):
			return "a cleanup (" + name + ")"
		}
	}
	return "a best-effort action"
}

// failureTopic: a comment about a failure, not only about the code.
var failureTopic = regexp.MustCompile(`(?i)(\bfail|\berror|\bexception|\brais|\bthrow|\bcrash|best[- ]effort|\bbroken\b|\bmissing\b|\bunavailable\b|\bexists?\b|\bnot (found|available|installed)\b)`)

// saysAbove reads the comment block right above n (a try or a with
// statement) as deliberate reads a handler's: what it says and the quote,
// when it talks about a failure.
func (c *checker) saysAbove(n syntax.Node) (says int, quote string) {
	text := commentAbove(c.pass.Src, n)
	if !failureTopic.Match(text) {
		return saysNothing, ""
	}
	return commentSays(text)
}

// commentNote is the note a comment that explains the swallow makes, the
// message's addition; "" when no comment does.
func (c *checker) commentNote(h handler) string {
	says, quote := deliberate(h)
	where := "its comment"
	if says == saysNothing && h.clause.Parent().Is(syntax.KindTryStatement) {
		says, quote = c.saysAbove(h.clause.Parent())
		where = "the comment above the try"
	}
	return commentMessage(says, where, quote)
}

func commentMessage(says int, where, quote string) string {
	switch says {
	case saysDeliberate:
		return fmt.Sprintf("; a note because %s says it is deliberate (\"%s\")", where, quote)
	case saysExpected:
		return fmt.Sprintf("; a note because %s says the failure is expected (\"%s\")", where, quote)
	}
	return ""
}

// bookkeepingKey: a key that records how something went, not its result.
var bookkeepingKey = regexp.MustCompile(`(?i)^(status|state|phase|stage|step|progress|message|error|attempts?|retries|log|logs|log_tail|heartbeat|last_\w+|\w+_(at|time|ts|count|status|state)|updated\w*|modified\w*)$`)

// writeMethods store a record.
var writeMethods = map[string]bool{
	"set": true, "update": true, "update_one": true, "update_many": true, "save": true, "put": true,
	"put_item": true, "update_item": true, "patch": true, "upsert": true, "merge": true, "write": true,
	"hset": true, "hmset": true, "set_status": true, "update_status": true,
}

// bookkeeping names the keys of the record the try body writes when it
// writes only bookkeeping: a write method given a dict (or a variable the
// try assigns one) or keyword arguments, whose keys all record how
// something went (status, last_fired_at, log_tail), and otherwise only
// names (an id, a document reference). Keys set by subscript
// (`update["environment_id"] = ...`) count too. "" otherwise.
func (c *checker) bookkeeping(h handler) string {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) {
		return ""
	}
	body := try.ChildByField(syntax.FieldBody)
	var keys []string
	ok := true
	record := func(k string) {
		if !bookkeepingKey.MatchString(k) {
			ok = false
		}
		if len(keys) < 3 && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	dicts := map[string]bool{} // variables the try assigns a dict
	writes := false
	for n := range ownNodes(body) {
		switch {
		case n.Is(syntax.KindAssignment):
			left, right := n.ChildByField(syntax.FieldLeft), n.ChildByField(syntax.FieldRight).Unparen()
			if left.Is(syntax.KindIdentifier) && right.Is(syntax.KindDictionary) {
				dicts[string(left.Text())] = true
			}
			if left.Is(syntax.KindSubscript) {
				if s, isStr := left.ChildByField(syntax.FieldSubscript).StringLiteral(); isStr {
					record(s)
				}
			}
		case n.Is(syntax.KindDictionary):
			for p := range n.NamedChildren() {
				if !p.Is(syntax.KindPair) {
					ok = false
					continue
				}
				s, isStr := p.ChildByField(syntax.FieldKey).StringLiteral()
				if !isStr {
					ok = false
					continue
				}
				record(s)
			}
		case n.Is(syntax.KindCall):
			fn := n.ChildByField(syntax.FieldFunction).Unparen()
			if !fn.Is(syntax.KindAttribute) || !writeMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] {
				continue
			}
			rec := false
			for a := range n.ChildByField(syntax.FieldArguments).NamedChildren() {
				switch {
				case a.Is(syntax.KindKeywordArgument):
					if name := string(a.ChildByField(syntax.FieldName).Text()); name != "merge" && name != "upsert" {
						record(name)
						rec = true
					}
				case a.Is(syntax.KindDictionary), a.Is(syntax.KindIdentifier) && dicts[string(a.Text())]:
					rec = true
				case a.Is(syntax.KindIdentifier), a.Is(syntax.KindAttribute), a.Is(syntax.KindString):
					// an id, a reference
				default:
					ok = false // data computed in the call: metadata.update(artifacts[k])
				}
			}
			writes = writes || rec
		}
		if !ok {
			return ""
		}
	}
	if !writes || len(keys) == 0 {
		return ""
	}
	return strings.Join(keys, ", ")
}

// mayGiveNothing: a function whose name says None is one of its answers.
var mayGiveNothing = regexp.MustCompile(`(?i)^_*(try|maybe|optional|opt|safe|soft)_|_(or_none|if_exists|optional|maybe)$`)

// answersNone: the handler only returns None (or returns nothing) in a
// function whose name says it may give nothing; its name, "" otherwise.
func answersNone(h handler) string {
	st := h.body.FirstNamedChild()
	if h.body.NamedChildCount() != 1 || !st.Is(syntax.KindReturnStatement) {
		return ""
	}
	if v := st.FirstNamedChild(); !v.IsZero() && !v.Unparen().Is(syntax.KindNone) {
		return ""
	}
	fn := enclosingFunction(h.clause)
	if fn.IsZero() {
		return ""
	}
	name := string(fn.ChildByField(syntax.FieldName).Text())
	if mayGiveNothing.MatchString(name) {
		return name
	}
	return ""
}

// adjust applies what the try guards and the comments around it say to a
// verdict above note (see the top of this file).
func (c *checker) adjust(h handler, what string, v *verdict) {
	if v.severity <= lint.Note {
		return
	}
	if add := c.commentNote(h); add != "" {
		v.severity, v.message = lint.Note, v.message+add
		return
	}
	if add := c.expectedNote(h); add != "" && !strings.Contains(what, "BaseException") && !strings.HasPrefix(what, "bare") {
		v.severity, v.message = lint.Note, v.message+add
		return
	}
	if !v.swallows {
		return
	}
	// A bare except and BaseException also catch cancellation, exits and
	// Ctrl-C: never only a best-effort action's failure.
	if act := c.bestEffort(h); act != "" && !strings.Contains(what, "BaseException") && !strings.HasPrefix(what, "bare") {
		v.severity = lint.Note
		v.message += "; a note because the try only does " + act + ", a best-effort action: its failure costs the program nothing it needs, but goes unseen"
		return
	}
	if v.severity != lint.Error {
		return
	}
	if keys := c.bookkeeping(h); keys != "" {
		v.severity = lint.Warning
		v.message += "; a warning because the try only writes bookkeeping (" + keys + "): the record goes stale and nobody is told, but the work it describes is done"
		return
	}
	if name := answersNone(h); name != "" {
		v.severity = lint.Warning
		v.message += "; a warning because " + name + "'s name says None is one of its answers: by design, but a failure of its own (a database or network error) looks the same as nothing found"
	}
}

// fallsBack: the handler gives a fallback value: it assigns or returns a
// constant, a name or an attribute (`annotation = inspect.Parameter.empty`,
// `return None`, `return default`) — not something it computes or builds
// (`return PendingStatus()`, a call that may carry on the failure).
func fallsBack(h handler) bool {
	simple := func(v syntax.Node) bool {
		v = v.Unparen()
		return constant(v) || v.Is(syntax.KindIdentifier) || v.Is(syntax.KindAttribute)
	}
	for st := range h.body.NamedChildren() {
		switch {
		case st.Is(syntax.KindReturnStatement) && !st.FirstNamedChild().IsZero():
			if simple(st.FirstNamedChild()) {
				return true
			}
		case st.Is(syntax.KindExpressionStatement) && st.FirstNamedChild().Is(syntax.KindAssignment):
			if simple(st.FirstNamedChild().ChildByField(syntax.FieldRight)) {
				return true
			}
		}
	}
	return false
}

// fallbackPath: a swallowing handler whose function goes on with a
// fallback: the handler returns a value (`return ""`), or the try's body
// ends in a return, so that the code after the try is the other way to the
// answer (a plain prompt when the fancy one fails).
func fallbackPath(h handler) bool {
	for st := range h.body.NamedChildren() {
		if st.Is(syntax.KindReturnStatement) && !st.FirstNamedChild().IsZero() {
			return true
		}
	}
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) {
		return false
	}
	var last syntax.Node
	for st := range try.ChildByField(syntax.FieldBody).NamedChildren() {
		if !st.Is(syntax.KindComment) {
			last = st
		}
	}
	return last.Is(syntax.KindReturnStatement)
}

// fallbackAfter: a swallow (the handler gives no value of its own) in a
// try whose body ends in a return (directly or in a `with`), after which
// the function gets its answer another way — the statement it goes on with
// (after the try, or after the `if` or `with` the try ends) is a fallback
// (a new secret when the stored one cannot be read), not the swallow's own
// `return`, `return None` or `raise`, and not the end of the function or a
// loop's next round.
func fallbackAfter(h handler) bool {
	for st := range h.body.NamedChildren() {
		if st.Is(syntax.KindReturnStatement) && !st.FirstNamedChild().IsZero() {
			return false // the handler's own value (fallbackPath)
		}
	}
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) || !endsInReturn(try.ChildByField(syntax.FieldBody)) {
		return false
	}
	next := goesOnWith(try)
	switch {
	case next.IsZero(), next.Is(syntax.KindRaiseStatement):
		return false
	case next.Is(syntax.KindReturnStatement):
		v := next.FirstNamedChild()
		return !v.IsZero() && !constant(v)
	}
	return true
}

// endsInReturn: the block's last statement returns, or is a `with` whose
// block does.
func endsInReturn(block syntax.Node) bool {
	var last syntax.Node
	for st := range block.NamedChildren() {
		if !st.Is(syntax.KindComment) {
			last = st
		}
	}
	switch {
	case last.Is(syntax.KindReturnStatement):
		return true
	case last.Is(syntax.KindWithStatement):
		return endsInReturn(last.ChildByField(syntax.FieldBody))
	}
	return false
}

// goesOnWith is the statement run after st when st completes: its next
// statement, or, when st ends the block of an `if` (any branch) or a
// `with`, that statement's; zero at the end of a function, a loop's body or
// anything else.
func goesOnWith(st syntax.Node) syntax.Node {
	for {
		next := st.NextSibling()
		for !next.IsZero() && (!next.IsNamed() || next.Is(syntax.KindComment)) {
			next = next.NextSibling()
		}
		if !next.IsZero() {
			return next
		}
		block := st.Parent()
		if !block.Is(syntax.KindBlock) {
			return syntax.Node{}
		}
		owner := block.Parent()
		if owner.Is(syntax.KindElifClause) || owner.Is(syntax.KindElseClause) {
			owner = owner.Parent()
		}
		if !owner.Is(syntax.KindIfStatement) && !owner.Is(syntax.KindWithStatement) {
			return syntax.Node{}
		}
		st = owner
	}
}

// responseStatus is the status a response call is given: its status_code=
// or status= keyword (Starlette, aiohttp, Flask's Response), or
// make_response's second argument.
func responseStatus(call syntax.Node) syntax.Node {
	args := call.ChildByField(syntax.FieldArguments)
	for _, k := range []string{"status_code", "status"} {
		if v := args.KeywordArg(k); !v.IsZero() {
			return v
		}
	}
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	if fn.Is(syntax.KindAttribute) {
		fn = fn.ChildByField(syntax.FieldAttribute)
	}
	if fn.TextIs("make_response") {
		return args.PositionalArg(1)
	}
	return syntax.Node{}
}

// textToClient: the handler puts the error's text into what a web handler
// returns — a response, a response model (`return
// InvitationResponse(error=str(e))`), or a variable it sets that the
// function returns — so the client is told that it failed and why.
func (c *checker) textToClient(h handler) bool {
	if h.name == nil {
		return false
	}
	fn := enclosingFunction(h.clause)
	if fn.IsZero() {
		return false
	}
	web := c.webHandler(fn)
	return c.returnedText(h, fn, web, func(v syntax.Node) bool { return web || c.response(v) })
}

// Failures the code expects and has an answer for, read from what the try
// does and what its author documented (issue 11's fresh-seed draw judged
// each of these "right but too loud" as an error or a warning):
//
//   - a wait with an explicit timeout (`page.wait_for_load_state(timeout=5000)`,
//     `poll_until(..., timeout=30)`) whose handler goes on: the timeout is
//     an outcome the author chose, not a fault;
//   - a probe of a context: a call that raises outside some context
//     (`get_run_logger()`, `asyncio.get_running_loop()`) made only to learn
//     whether there is one, the handler being the answer "no" (a fallback);
//   - a fallback chain the function's docstring documents ("falls back
//     to", "None if hashing failed"): the failure is its documented answer.
//
// Each is a note that says why, and asks to narrow the handler: a bug in
// the try is still caught with the expected failure.

// waitName: a call that waits or polls until something happens.
var waitName = regexp.MustCompile(`(?i)^_*(wait|poll)(_\w+)?$|_(wait|poll)$|^_*wait_for\w*$`)

// timeoutKey: a keyword argument that bounds a wait.
var timeoutKey = regexp.MustCompile(`(?i)^timeout(_ms|_s|_sec|_secs|_seconds)?$`)

// timedWait names the wait with an explicit timeout the try does
// ("wait_for_load_state(timeout=5000)"), when the try body is one or two
// statements and one of them is such a wait; "" otherwise.
func (c *checker) timedWait(h handler) string {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) {
		return ""
	}
	body := try.ChildByField(syntax.FieldBody)
	if stmts(body) > 2 {
		return ""
	}
	for n := range ownNodes(body) {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		name := shortName(fn)
		if !waitName.MatchString(name) {
			continue
		}
		for a := range n.ChildByField(syntax.FieldArguments).NamedChildren() {
			if a.Is(syntax.KindKeywordArgument) && timeoutKey.MatchString(string(a.ChildByField(syntax.FieldName).Text())) {
				return name + "(" + string(a.Text()) + ")"
			}
		}
	}
	return ""
}

// stmts counts a block's statements, comments and `pass` aside.
func stmts(block syntax.Node) int {
	n := 0
	for s := range block.NamedChildren() {
		if !s.Is(syntax.KindComment) && !s.Is(syntax.KindPassStatement) {
			n++
		}
	}
	return n
}

// contextProbe: a function that raises when called outside its context —
// its name asks for the current or running one (get_run_logger,
// get_running_loop, get_current_span, current_app).
var contextProbe = regexp.MustCompile(`(?i)^_*(get_)?(run|running|current|active)_\w+$`)

// probesContext names the call the try makes only to learn whether there
// is a context ("get_run_logger()"): the try body is one return or
// assignment of that call, given no arguments, and the handler only gives
// the answer without it (a return or an assignment of something else) —
// or is `pass` where the answer no needs no statement: the try has an
// `else:` that alone uses what the probe gave (`logger =
// get_run_logger()` / `except Exception: pass` / `else:
// logger.warning(...)`), or the name it assigns holds a default assigned
// before the try.
func (c *checker) probesContext(h handler) string {
	try := h.clause.Parent()
	if !try.Is(syntax.KindTryStatement) || stmts(try.ChildByField(syntax.FieldBody)) != 1 {
		return ""
	}
	switch stmts(h.body) {
	case 1:
	case 0:
		if !passAnswers(try) {
			return ""
		}
	default:
		return ""
	}
	value := func(block syntax.Node) syntax.Node {
		for s := range block.NamedChildren() {
			switch {
			case s.Is(syntax.KindReturnStatement):
				return s.FirstNamedChild().Unparen()
			case s.Is(syntax.KindExpressionStatement) && s.FirstNamedChild().Is(syntax.KindAssignment):
				return s.FirstNamedChild().ChildByField(syntax.FieldRight).Unparen()
			}
		}
		return syntax.Node{}
	}
	v, answer := value(try.ChildByField(syntax.FieldBody)), value(h.body)
	if v.Is(syntax.KindAwait) {
		v = v.FirstNamedChild().Unparen()
	}
	if stmts(h.body) == 0 {
		answer = v // passAnswers: the answer no is the else clause's absence or the default
	}
	if answer.IsZero() || !v.Is(syntax.KindCall) || v.ChildByField(syntax.FieldArguments).NamedChildCount() != 0 {
		return ""
	}
	fn := v.ChildByField(syntax.FieldFunction).Unparen()
	name := shortName(fn)
	if !contextProbe.MatchString(name) {
		return ""
	}
	return name + "()"
}

// passAnswers: a try whose body is one assignment of a name (`logger =
// get_run_logger()`) leaves the answer no to a `pass` handler when the
// try's `else:` clause is what uses the name, or when the same name was
// assigned before the try in the same block (`logger = None`), the
// default the probe replaces.
func passAnswers(try syntax.Node) bool {
	var target syntax.Node
	for s := range try.ChildByField(syntax.FieldBody).NamedChildren() {
		if s.Is(syntax.KindExpressionStatement) && s.FirstNamedChild().Is(syntax.KindAssignment) {
			target = s.FirstNamedChild().ChildByField(syntax.FieldLeft)
		}
	}
	if target.IsZero() || !target.Is(syntax.KindIdentifier) {
		return false
	}
	if !try.ChildOfKind(syntax.KindElseClause).IsZero() {
		return true
	}
	for s := range try.Parent().NamedChildren() {
		if s.Index() >= try.Index() {
			break
		}
		if s.Is(syntax.KindExpressionStatement) && s.FirstNamedChild().Is(syntax.KindAssignment) &&
			s.FirstNamedChild().ChildByField(syntax.FieldLeft).TextIs(string(target.Text())) {
			return true
		}
	}
	return false
}

// fallbackDoc: a docstring that documents a failure's answer — what the
// function gives, or falls back to, when something fails ("None if
// hashing failed", "an empty dict when the file cannot be read", "falls
// back to pickle when JSON fails"). A fallback on a condition that is no
// failure ("falls back to desktop-only when there's no TTY") is not one.
var fallbackDoc = regexp.MustCompile(`(?i)(\bfall(s|ing)?[- ]?back|\b(None|empty|default|nothing|False))\b[^.\n]{0,40}\b(if|when|on)\b[^.\n]{0,40}\b(fails?|failed|failure|errors?|cannot|can'?t|could not|couldn'?t|unable)\b`)

// documentedFallback quotes the enclosing function's docstring when it
// documents what the function gives on a failure and the handler is on
// that fallback path: it returns a value, or the try returns and the code
// after it is the next way to the answer. "" otherwise.
func (c *checker) documentedFallback(h handler) (fn, quote string) {
	f := enclosingFunction(h.clause)
	if f.IsZero() || !fallbackPath(h) || !answersOnly(h) {
		return "", ""
	}
	first := f.ChildByField(syntax.FieldBody).FirstNamedChild()
	if !isDocstringStmt(first) {
		return "", ""
	}
	doc := first.FirstNamedChild().Text()
	m := fallbackDoc.Find(doc)
	if m == nil {
		return "", ""
	}
	return string(f.ChildByField(syntax.FieldName).Text()), commentQuote(m)
}

// answersOnly: the handler only gives an answer — its statements are
// returns, assignments and `pass`, calling nothing but str, repr or type
// (`json_error = str(e)`, `return None`): a handler that does work of its
// own on the failure (`await self._on_message_failure(msg)`) is more than
// the documented answer.
func answersOnly(h handler) bool {
	for st := range h.body.NamedChildren() {
		switch {
		case st.Is(syntax.KindComment), st.Is(syntax.KindPassStatement), st.Is(syntax.KindReturnStatement):
		case st.Is(syntax.KindExpressionStatement) && st.FirstNamedChild().Is(syntax.KindAssignment):
		default:
			return false
		}
		for n := range st.Descendants() {
			if !n.Is(syntax.KindCall) {
				continue
			}
			fn := n.ChildByField(syntax.FieldFunction).Unparen()
			if !fn.TextIs("str") && !fn.TextIs("repr") && !fn.TextIs("type") {
				return false
			}
		}
	}
	return true
}

// expectedNote is the addition to the message of a handler whose failure
// the code expects (see above), "" when it is none of them.
func (c *checker) expectedNote(h handler) string {
	if w := c.timedWait(h); w != "" && (stmts(h.body) == 0 || expectedFailure(h)) {
		return "; a note because the try waits with an explicit timeout (" + w + "), which the code expects may run out and goes on: narrow it to the timeout, so that another failure of the wait is not hidden with it"
	}
	if p := c.probesContext(h); p != "" {
		return "; a note because " + p + " raises when called outside its context: the try asks whether there is one and the handler is the answer no — narrow it to the error " + p + " raises"
	}
	if e := c.drainAfterEmpty(h); e != "" {
		return "; a note because the try only drains a queue and `except " + e + "` above answers its ordinary end: what this handler catches besides is the queue's own failure (closed, broken), and it stops draining — narrow it or log it"
	}
	if fn, quote := c.documentedFallback(h); fn != "" {
		return "; a note because " + fn + "'s docstring documents the fallback (\"" + quote + "\"): the failure is its documented answer — narrow it to the errors it expects"
	}
	return ""
}
