package python

import (
	"bytes"
	"iter"
	"regexp"
	"strings"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// levelOf picks the logging level from the print's context:
//
//   - in an `except` handler: `exception` when the message shows the caught
//     exception (the record then carries its traceback as well), else
//     `error`;
//   - a message that says it is an error ("Error: ...", "Failed to ...",
//     "Could not ...") → `error`; one that says it is a warning → `warning`;
//   - to stderr → `warning`: standard error carries a program's
//     diagnostics, not all of which are errors, and warning keeps them
//     visible at the default level;
//   - else `info`.
func levelOf(call syntax.Node, pos []syntax.Node, stderr bool) string {
	word := ""
	if len(pos) > 0 {
		word = printcall.WordLevel(leadingText(pos[0].Unparen()))
	}
	if name, ok := enclosingHandler(call); ok {
		switch {
		case word == "warning":
			return "warning" // the handler's author called it a warning
		case name != "" && mentions(pos, name):
			return "exception"
		}
		return "error"
	}
	if word != "" {
		return word
	}
	if stderr {
		return "warning"
	}
	return "info"
}

// leadingText is the text a string literal (an f-string too) starts with.
func leadingText(n syntax.Node) string {
	if n.Is(syntax.KindBinaryOperator) {
		n = n.ChildByField(syntax.FieldLeft).Unparen()
	}
	if n.Is(syntax.KindConcatenatedString) {
		n = n.FirstNamedChild()
	}
	if !n.Is(syntax.KindString) {
		return ""
	}
	t := string(n.Text())
	if i := strings.IndexAny(t, `"'`); i >= 0 {
		return strings.TrimLeft(t[i:], `"'`)
	}
	return ""
}

// enclosingHandler reports whether n runs in an except handler of its own
// function, and the name the handler binds the exception to ("" for none).
func enclosingHandler(n syntax.Node) (string, bool) {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case opensScope(p):
			return "", false
		case p.Is(syntax.KindExceptClause):
			for c := range p.NamedChildren() {
				if c.Is(syntax.KindAsPattern) {
					if t := c.ChildOfKind(syntax.KindAsPatternTarget); !t.IsZero() {
						return string(t.Text()), true
					}
				}
			}
			return "", true
		}
	}
	return "", false
}

// mentions reports whether an identifier name occurs in the arguments.
func mentions(args []syntax.Node, name string) bool {
	for _, a := range args {
		if a.Is(syntax.KindIdentifier) && a.TextIs(name) {
			return true
		}
		for d := range a.Descendants() {
			if d.Is(syntax.KindIdentifier) && d.TextIs(name) {
				return true
			}
		}
	}
	return false
}

// printComment matches a comment line that describes a print: "# Print the
// result", "# print out the rows", "# Prints ...".
var printComment = regexp.MustCompile(`^([ \t]*#[ \t]*)([Pp]rint(?:s|ing)?)((?: out)?)\b`)

// comment returns the edit that keeps a comment right above the print
// (its own line, nothing between) true to the new code: "Print" → "Log".
func (fx *fixer) comment(call syntax.Node) (lint.Edit, bool) {
	stmt := pyedit.Statement(call)
	if stmt.IsZero() || !stmt.Is(syntax.KindExpressionStatement) || stmt.Start() != call.Start() {
		return lint.Edit{}, false
	}
	src := fx.pass.Src
	ls := bytes.LastIndexByte(src[:stmt.Start()], '\n') + 1
	if ls == 0 {
		return lint.Edit{}, false
	}
	ps := bytes.LastIndexByte(src[:ls-1], '\n') + 1
	line := src[ps : ls-1]
	m := printComment.FindSubmatchIndex(line)
	if m == nil || bytes.Contains(bytes.ToLower(line[m[7]:]), []byte("log")) {
		// "# Print event vars to log" already says where it goes.
		return lint.Edit{}, false
	}
	word := string(line[m[4]:m[5]])
	repl := "Log" + strings.TrimPrefix(strings.TrimPrefix(word, "P"), "p")[len("rint"):]
	if word[0] == 'p' {
		repl = strings.ToLower(repl[:1]) + repl[1:]
	}
	return lint.Edit{Start: ps + m[4], End: ps + m[7], New: repl}, true
}

// loggingFallback reports whether the print is the last resort of a
// handler whose try logs: `try: logger.exception(...)` / `except
// Exception: print(..., file=sys.stderr)` prints only when logging the
// failure itself failed, so there is no logger left to use instead.
func loggingFallback(call syntax.Node) bool {
	for p := call.Parent(); !p.IsZero(); p = p.Parent() {
		switch {
		case opensScope(p):
			return false
		case p.Is(syntax.KindExceptClause):
			try := p.Parent()
			return try.Is(syntax.KindTryStatement) && logs(try.ChildByField(syntax.FieldBody))
		}
	}
	return false
}

// exitsAfter is the exit that ends the program right after the print, as
// written ("raise SystemExit(1)", "sys.exit(2)"), or "": the print's
// statement is followed in its block, past other such prints, by a raise
// of SystemExit or a call of sys.exit, os._exit, exit or quit. Those are
// the program's last words (`print("REDASH_SAML_LOCAL_METADATA_PATH is no
// longer supported"); raise SystemExit(1)`): whoever reads the process's
// output sees them either way, and at that point logging may not be set
// up at all.
func exitsAfter(r *names.Resolver, call syntax.Node) string {
	st := call.Parent()
	if !st.Is(syntax.KindExpressionStatement) {
		return ""
	}
	for n := st.NextSibling(); !n.IsZero(); n = n.NextSibling() {
		switch {
		case n.Is(syntax.KindComment), !n.IsNamed():
			continue
		case n.Is(syntax.KindRaiseStatement):
			v := n.FirstNamedChild().Unparen()
			if v.Is(syntax.KindCall) {
				v = v.ChildByField(syntax.FieldFunction)
			}
			if r.Refers(v, "builtins.SystemExit") {
				return compactStatement(n)
			}
			return ""
		case n.Is(syntax.KindExpressionStatement):
			e := n.FirstNamedChild().Unparen()
			if !e.Is(syntax.KindCall) {
				return ""
			}
			fn := e.ChildByField(syntax.FieldFunction)
			if r.Refers(fn, "sys.exit", "os._exit", "builtins.exit", "builtins.quit") {
				return compactStatement(n)
			}
			if q, ok := r.QualifiedName(fn); ok && printers[q] != "" {
				continue // the next line of the same message
			}
			return ""
		default:
			return ""
		}
	}
	return ""
}

// compactStatement is the statement's text on one line, cut at 40 bytes.
func compactStatement(n syntax.Node) string {
	t := strings.Join(strings.Fields(string(n.Text())), " ")
	if len(t) > 40 {
		t = t[:40] + "…"
	}
	return t
}

// prompts reports whether the print is part of a conversation with a
// person at a terminal: its function reads an answer with input() or
// getpass.getpass(), or the print is under an `if`
// whose test asks whether a stream is a terminal (`sys.stdin.isatty()`).
// CTFd's confirm_upgrade: `if sys.stdin.isatty(): print("Please backup
// your database"); if input("Run database migrations (Y/N)") ...` — the
// prompt is the program's output, and a logger would break it.
func prompts(r *names.Resolver, call syntax.Node) bool {
	for p := call.Parent(); !p.IsZero() && !opensScope(p); p = p.Parent() {
		if p.Is(syntax.KindIfStatement) && bytes.Contains(p.ChildByField(syntax.FieldCondition).Text(), []byte("isatty()")) {
			return true
		}
	}
	fn := ownFunction(call)
	if fn.IsZero() {
		return false
	}
	for n := range fn.ChildByField(syntax.FieldBody).Descendants() {
		if n.Is(syntax.KindCall) && r.Refers(n.ChildByField(syntax.FieldFunction), "builtins.input", "getpass.getpass") {
			return true
		}
	}
	return false
}

// ownFunction is the function whose body n is in, or the zero Node at
// module level or when a class or a lambda encloses n first.
func ownFunction(n syntax.Node) syntax.Node {
	for p := n.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) {
			return p
		}
		if opensScope(p) {
			return syntax.Node{}
		}
	}
	return syntax.Node{}
}

// opensScope: a definition whose body is its own (def, class, lambda).
func opensScope(n syntax.Node) bool {
	return n.Is(syntax.KindFunctionDefinition) || n.Is(syntax.KindClassDefinition) || n.Is(syntax.KindLambda)
}

// forwardsVarargs reports whether the call only hands on its function's own
// variadic parameters: `def echo(*args, **kwargs): ... return
// print(*args, **kwargs)` — a print wrapper (Prefect's print_as_log falls
// back to the real print so), whose callers' prints are the output, not
// this line; the wrapper behaves as print by contract.
func forwardsVarargs(call syntax.Node) bool {
	fn := ownFunction(call)
	if fn.IsZero() {
		return false
	}
	varargs := map[string]syntax.Kind{}
	for prm := range fn.ChildByField(syntax.FieldParameters).NamedChildren() {
		if prm.Is(syntax.KindTypedParameter) {
			prm = prm.FirstNamedChild() // *args: Any
		}
		switch {
		case prm.Is(syntax.KindListSplatPattern):
			varargs[string(prm.FirstNamedChild().Text())] = syntax.KindListSplat
		case prm.Is(syntax.KindDictSplatPattern):
			varargs[string(prm.FirstNamedChild().Text())] = syntax.KindDictionarySplat
		}
	}
	n := 0
	for a := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
		if a.Is(syntax.KindComment) {
			continue
		}
		if k, ok := varargs[string(a.FirstNamedChild().Text())]; !ok || !a.Is(k) {
			return false
		}
		n++
	}
	return n > 0
}

// loggingMethods are the methods of a logger that write a record.
var loggingMethods = map[string]bool{
	"debug": true, "info": true, "warning": true, "warn": true, "error": true,
	"exception": true, "critical": true, "fatal": true, "log": true,
}

// logs reports whether the block writes a log record: a logging method
// called on something named for a logger (`logger.exception(...)`,
// `logging.error(...)`, `self.log.warning(...)`,
// `get_logger(...).error(...)`).
func logs(block syntax.Node) bool {
	for n := range block.Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction)
		if !fn.Is(syntax.KindAttribute) || !loggingMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] {
			continue
		}
		obj := fn.ChildByField(syntax.FieldObject)
		if obj.Is(syntax.KindAttribute) {
			obj = obj.ChildByField(syntax.FieldAttribute)
		} else if obj.Is(syntax.KindCall) {
			obj = obj.ChildByField(syntax.FieldFunction)
		}
		if bytes.Contains(bytes.ToLower(obj.Text()), []byte("log")) {
			return true
		}
	}
	return false
}

// prefectFlows are the qualified names of Prefect's flow and task
// decorators.
var prefectFlows = map[string]bool{
	"prefect.flow": true, "prefect.task": true, "prefect.flows.flow": true, "prefect.tasks.task": true,
}

// capturedByPrefect reports whether the print runs in a Prefect flow or
// task whose prints Prefect records as log lines: a function decorated
// `@flow(log_prints=True)` / `@task(log_prints=True)`, or a task (not
// `log_prints=False`) of a file whose flow says log_prints=True — a task
// inherits the setting of the flow that runs it.
func capturedByPrefect(r *names.Resolver, fileDecorators []syntax.Node, call syntax.Node) bool {
	decorators := func(fn syntax.Node) iter.Seq[syntax.Node] {
		return func(yield func(syntax.Node) bool) {
			d := fn.Parent()
			if !d.Is(syntax.KindDecoratedDefinition) {
				return
			}
			for dec := range d.NamedChildren() {
				if dec.Is(syntax.KindDecorator) && !yield(dec.FirstNamedChild().Unparen()) {
					return
				}
			}
		}
	}
	// logPrints: the decorator is Prefect's flow or task, and its
	// log_prints argument ("" when not given).
	logPrints := func(dec syntax.Node) (kind, value string, ok bool) {
		fn := dec
		if dec.Is(syntax.KindCall) {
			fn = dec.ChildByField(syntax.FieldFunction)
		}
		q, _ := r.QualifiedName(fn)
		if !prefectFlows[q] {
			return "", "", false
		}
		kind = q[strings.LastIndexByte(q, '.')+1:]
		if dec.Is(syntax.KindCall) {
			if v := dec.ChildByField(syntax.FieldArguments).KeywordArg("log_prints"); !v.IsZero() {
				value = string(v.Text())
			}
		}
		return kind, value, true
	}
	for fn := call.Parent(); !fn.IsZero(); fn = fn.Parent() {
		if !fn.Is(syntax.KindFunctionDefinition) {
			continue
		}
		for dec := range decorators(fn) {
			kind, value, ok := logPrints(dec)
			switch {
			case !ok:
				continue
			case value == "True":
				return true
			case value == "" && kind == "task":
				// The flow that runs it decides: one of this file's.
				for _, d := range fileDecorators {
					if k, v, ok := logPrints(d.FirstNamedChild().Unparen()); ok && k == "flow" && v == "True" {
						return true
					}
				}
			}
			return false
		}
	}
	return false
}
