package python

import (
	"strings"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// The fix (safe): a print becomes a call on the module logger.
//
//   - print(...) → logger.info(...); with file=sys.stderr (or
//     sys.__stderr__) → logger.warning(...): stderr carries a program's
//     diagnostics, which are not all errors, and warning keeps them visible
//     at the default level.
//   - Arguments become lazy %-formatting: plain string literals are inlined
//     into the format string (their `%` doubled), every other argument
//     (f-strings included, which stay as they are) is a "%s" placeholder:
//     print("total:", n, "items") → logger.info("total: %s items", n). A
//     single argument keeps its form: print(f"x={x}") → logger.info(f"x={x}"),
//     print(x) → logger.info("%s", x). With no argument left to format the
//     message is not %-formatted by logging, so `%` stays single.
//   - sep= a plain string literal becomes the separator of the format
//     string; end= "\n" and flush= True/False are dropped; any other sep or
//     end, *args or **kwargs, comments inside the call: no fix.
//   - pprint.pprint(x, ...) / pprint.pp(x, ...) → logger.info("%s",
//     pprint.pformat(x, ...)), keeping the formatting arguments (pp's
//     sort_dicts=False is made explicit); stream= as file= above.
//   - The logger: see pyedit.File.Logger (an existing module logger, the
//     configured `logger-import`, or a new one after the imports).
//   - Python 2 print statements get no fix.
type fixer struct {
	pass   *pyanalysis.Pass
	ed     *pyedit.File
	shared pyedit.SharedLogger
	ctx    fileContext
}

func newFixer(pass *pyanalysis.Pass, opts *printcall.Config) *fixer {
	fx := &fixer{pass: pass, ed: pyedit.New(pass.File, pass.Names)}
	if opts != nil {
		// A bad value is reported by the options' validation; here it only
		// means no shared logger.
		fx.shared, _ = pyedit.ParseSharedLogger(opts.LoggerImport)
	}
	return fx
}

// usesShared: the fix logs on the shared logger of logger-import (the file
// has no module logger of its own), which the platform sets up.
func (fx *fixer) usesShared() bool {
	return fx.shared.Name != "" && fx.ed.ModuleLogger() == ""
}

// fix returns the fix of a print call and the level it logs at, or nil.
func (fx *fixer) fix(call syntax.Node, q string) (*lint.Fix, string) {
	args := call.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return nil, "" // print "x" parsed as a call of a string? not ours
	}
	var pos []syntax.Node
	stderr := false
	sep := " "
	var ppKw []string // pprint's formatting keywords, as source text
	for a := range args.Children() {
		switch {
		case a.Is(syntax.KindComment):
			return nil, ""
		case !a.IsNamed():
			continue
		case a.Is(syntax.KindListSplat), a.Is(syntax.KindDictionarySplat):
			return nil, ""
		case a.Is(syntax.KindKeywordArgument):
			name := string(a.ChildByField(syntax.FieldName).Text())
			v := a.ChildByField(syntax.FieldValue).Unparen()
			switch {
			case name == "file" && q == "builtins.print", name == "stream" && q != "builtins.print":
				stderr = fx.pass.Names.Refers(v, "sys.stderr", "sys.__stderr__")
			case name == "flush" && q == "builtins.print":
				if !v.Is(syntax.KindTrue) && !v.Is(syntax.KindFalse) {
					return nil, ""
				}
			case name == "end" && q == "builtins.print":
				if !isNewlineLiteral(v) {
					return nil, ""
				}
			case name == "sep" && q == "builtins.print":
				if v.Is(syntax.KindNone) {
					continue
				}
				c, ok := literalContent(v)
				if !ok {
					return nil, ""
				}
				sep = c.text
			case q != "builtins.print":
				ppKw = append(ppKw, string(a.Text()))
			default:
				return nil, "" // an unknown keyword: print would raise; leave it
			}
		default:
			pos = append(pos, a)
		}
	}
	logger, edits, ok := fx.ed.Logger(call, fx.shared)
	if !ok {
		return nil, ""
	}
	for _, e := range edits {
		if fx.ctx.regions.Contains(e.Start) {
			return nil, "" // the logger's definition would land in a published sample region
		}
	}
	level := levelOf(call, pos, stderr)
	var es pyedit.Edits
	es.Add(edits...)
	if e, ok := fx.comment(call); ok {
		es.Add(e)
	}
	var callArgs []string
	if q == "builtins.print" {
		callArgs = printArgs(fx.pass.Names, pos, sep)
	} else {
		if len(pos) != 1 {
			return nil, ""
		}
		pformat, imp, ok := fx.ed.Ref("pprint.pformat", call)
		if !ok {
			return nil, ""
		}
		if imp != nil {
			es.Add(fx.ed.AddImport(*imp)...)
		}
		kws := ppKw
		if q == "pprint.pp" && !hasKeyword(ppKw, "sort_dicts") {
			kws = append(kws, "sort_dicts=False")
		}
		callArgs = []string{`"%s"`, pformat + "(" + strings.Join(append([]string{string(pos[0].Text())}, kws...), ", ") + ")"}
	}
	es.Add(fx.ed.Replace(call, logger+"."+level+"("+fx.layout(call, pos, callArgs)+")"))
	return &lint.Fix{Message: "Replace with `" + logger + "." + level + "`", Safety: lint.Safe, Edits: es.List()}, level
}

func hasKeyword(kws []string, name string) bool {
	for _, k := range kws {
		if strings.HasPrefix(k, name) && strings.HasPrefix(strings.TrimSpace(k[len(name):]), "=") {
			return true
		}
	}
	return false
}

// layout joins the logger call's arguments: on one line, or, when print's
// arguments started on a line of their own, one per line at their
// indentation with the closing parenthesis on a line at the call's.
func (fx *fixer) layout(call syntax.Node, pos []syntax.Node, args []string) string {
	if len(pos) == 0 || !fx.ed.StartsLine(pos[0]) {
		return strings.Join(args, ", ")
	}
	ind := fx.ed.Indent(pos[0])
	var b strings.Builder
	for _, a := range args {
		b.WriteString("\n" + ind + a + ",")
	}
	b.WriteString("\n" + fx.ed.Indent(call))
	return b.String()
}

// printArgs builds the logger call's arguments from print's positional
// arguments: one %-format string and its arguments (see format.go). A
// single plain string literal, or a single argument that does not convert,
// keeps its form.
func printArgs(r *names.Resolver, pos []syntax.Node, sep string) []string {
	if len(pos) == 0 {
		return []string{`""`}
	}
	if len(pos) == 1 {
		a := pos[0]
		if ps, ok := fstringPieces(a.Unparen()); ok {
			return render(ps)
		}
		if ps, ok := concatPieces(a.Unparen()); ok && hasArg(ps) {
			return render(ps)
		}
		if ps, ok := formatPieces(a.Unparen()); ok {
			return render(ps)
		}
		if args, ok := percentArgs(a.Unparen()); ok {
			return args
		}
		if isStringLiteral(a) {
			return []string{string(a.Text())}
		}
		return []string{`"%s"`, string(a.Text())}
	}
	var ps []piece
	for i, a := range pos {
		if i > 0 {
			ps = append(ps, piece{text: sep})
		}
		ps = append(ps, pieces(r, a)...)
	}
	return render(ps)
}

// content is the source text between the quotes of a plain string literal.
type content struct {
	text string
}

// literalContent returns the content of a one-line, non-raw, non-bytes,
// non-f string literal ("..." or '...', optionally u-prefixed), as source
// text (escapes kept). Re-quoted with double quotes, a single-quoted
// literal's content is valid when it has no `"`.
func literalContent(n syntax.Node) (content, bool) {
	if !n.Is(syntax.KindString) {
		return content{}, false
	}
	t := n.Text()
	i := 0
	for i < len(t) && (t[i] == 'u' || t[i] == 'U') {
		i++
	}
	if i >= len(t) || t[i] != '"' && t[i] != '\'' {
		return content{}, false // r, b, f prefixes
	}
	q := t[i]
	body := t[i:]
	if len(body) < 2 || body[len(body)-1] != q || len(body) >= 6 && body[1] == q && body[2] == q {
		return content{}, false // triple-quoted
	}
	inner := string(body[1 : len(body)-1])
	if strings.ContainsAny(inner, "\r\n") || strings.HasSuffix(inner, `\`) && !strings.HasSuffix(inner, `\\`) {
		return content{}, false
	}
	if q == '\'' && strings.Contains(inner, `"`) {
		// \' is needed in '...' and allowed in "...", but a bare " is not.
		return content{}, false
	}
	return content{text: inner}, true
}

// isStringLiteral: a string (any prefix, f-strings included) or an implicit
// concatenation of strings.
func isStringLiteral(n syntax.Node) bool {
	n = n.Unparen()
	if n.Is(syntax.KindConcatenatedString) {
		return true
	}
	if !n.Is(syntax.KindString) {
		return false
	}
	for _, b := range n.Text() {
		switch b {
		case 'b', 'B':
			return false // print(b"x") prints b'x'; logging would too, via %s
		case '"', '\'':
			return true
		}
	}
	return true
}

func isNewlineLiteral(v syntax.Node) bool {
	return v.TextIs(`"\n"`) || v.TextIs(`'\n'`)
}

func hasArg(ps []piece) bool {
	for _, p := range ps {
		if p.arg != "" {
			return true
		}
	}
	return false
}
