package python

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// A logging call's message is formatted lazily, by logging, when a record is
// emitted: `logger.info("x=%s", x)`, not `logger.info(f"x={x}")` (pylint's
// logging-fstring-interpolation, Ruff's G004). The conversion turns print's
// arguments into pieces of a %-format string and its arguments.

// piece is literal text (source text as it goes between double quotes) or an
// argument with its conversion ("%s", "%r", "%.2f").
type piece struct {
	text string
	arg  string
	conv string
}

// pieces converts one of print's arguments: a plain string literal is text;
// an f-string or a `"...".format(...)` call on a plain literal whose fields
// all map to %-conversions is text and arguments; anything else is one %s
// argument.
func pieces(r *names.Resolver, a syntax.Node) []piece {
	u := a.Unparen()
	if c, ok := literalContent(u); ok {
		return []piece{{text: c.text}}
	}
	if ps, ok := fstringPieces(u); ok {
		return ps
	}
	if ps, ok := concatPieces(u); ok {
		return ps
	}
	if ps, ok := formatPieces(u); ok {
		return ps
	}
	return []piece{{arg: string(a.Text()), conv: "%s"}}
}

// render joins pieces into the logging call's arguments: the format string
// (with `%` doubled when there are arguments, as logging %-formats only
// then) and the arguments.
func render(ps []piece) []string {
	// A terminal's layout (leading indentation, a trailing newline) is not
	// part of a log record's message.
	if len(ps) > 0 && ps[0].arg == "" {
		ps[0].text = strings.TrimLeft(ps[0].text, " \t")
	}
	if n := len(ps); n > 0 && ps[n-1].arg == "" {
		ps[n-1].text = strings.TrimSuffix(ps[n-1].text, `\n`)
	}
	var args []string
	for _, p := range ps {
		if p.arg != "" {
			args = append(args, p.arg)
		}
	}
	var b strings.Builder
	for _, p := range ps {
		if p.arg != "" {
			b.WriteString(p.conv)
			continue
		}
		if len(args) > 0 {
			b.WriteString(strings.ReplaceAll(p.text, "%", "%%"))
		} else {
			b.WriteString(p.text)
		}
	}
	return append([]string{`"` + b.String() + `"`}, args...)
}

// specConv maps a format spec to a %-conversion: sign and zero flags, a
// width, a precision and a type that mean the same in both ("5d", ".2f",
// "08.3f", "x"). Alignment, grouping and nested fields have no equivalent.
var specConv = regexp.MustCompile(`^[-+ 0#]*[0-9]*(\.[0-9]+)?[dfFeEgGxXos]$`)

func conversion(conv, spec string) (string, bool) {
	switch {
	case conv != "" && spec != "":
		return "", false
	case conv == "r", conv == "s", conv == "a":
		return "%" + conv, true
	case conv != "":
		return "", false
	case spec == "":
		return "%s", true
	case specConv.MatchString(spec):
		return "%" + spec, true
	}
	return "", false
}

// stringParts returns a one-line string literal's prefix, quote and the
// source text between its quotes.
func stringParts(n syntax.Node) (prefix string, quote byte, inner string, ok bool) {
	if !n.Is(syntax.KindString) {
		return "", 0, "", false
	}
	t := string(n.Text())
	i := strings.IndexAny(t, `"'`)
	if i < 0 {
		return "", 0, "", false
	}
	prefix, quote, body := t[:i], t[i], t[i:]
	if len(body) < 2 || body[len(body)-1] != quote || len(body) >= 6 && body[1] == quote && body[2] == quote {
		return "", 0, "", false // triple-quoted
	}
	inner = body[1 : len(body)-1]
	if strings.ContainsAny(inner, "\r\n") || quote == '\'' && strings.Contains(inner, `"`) {
		return "", 0, "", false
	}
	return prefix, quote, inner, true
}

// literalText turns a literal stretch of an f-string or format template into
// plain-literal text ({{ and }} are single braces there).
func literalText(s string) string {
	return strings.NewReplacer("{{", "{", "}}", "}").Replace(s)
}

// fstringPieces converts f"..." (f or F prefix only; not raw).
func fstringPieces(n syntax.Node) ([]piece, bool) {
	prefix, _, _, ok := stringParts(n)
	if !ok || strings.ToLower(prefix) != "f" {
		return nil, false
	}
	src := n.Text()
	base := n.Start()
	pos := len(prefix) + 1 // after the opening quote
	end := len(src) - 1
	var ps []piece
	for c := range n.NamedChildren() {
		if !c.Is(syntax.KindInterpolation) {
			continue
		}
		s, e := c.Start()-base, c.End()-base
		if t := literalText(string(src[pos:s])); t != "" {
			ps = append(ps, piece{text: t})
		}
		expr := c.FirstNamedChild()
		if expr.IsZero() || expr.Is(syntax.KindExpressionList) || strings.ContainsAny(string(expr.Text()), "\r\n") {
			return nil, false
		}
		rest := strings.TrimSpace(string(src[expr.End()-base : e-1]))
		if strings.HasPrefix(rest, "=") {
			return nil, false // {x=}: the expression's text is part of the output
		}
		var conv, spec string
		if r, ok := strings.CutPrefix(rest, "!"); ok {
			conv, rest = r[:min(1, len(r))], r[min(1, len(r)):]
		}
		if r, ok := strings.CutPrefix(rest, ":"); ok {
			spec, rest = r, ""
		}
		if rest != "" || strings.ContainsAny(spec, "{}") {
			return nil, false
		}
		pc, ok := conversion(conv, spec)
		if !ok {
			return nil, false
		}
		ps = append(ps, piece{arg: string(expr.Text()), conv: pc})
		pos = e
	}
	if t := literalText(string(src[pos:end])); t != "" {
		ps = append(ps, piece{text: t})
	}
	return ps, true
}

// formatField matches one replacement field of str.format: {}, {0}, {name},
// with an optional !conversion and :spec.
var formatField = regexp.MustCompile(`^\{([0-9]*|[A-Za-z_][A-Za-z0-9_]*)(![rsa])?(:[^{}]*)?\}`)

// formatPieces converts "...".format(args) on a plain literal: fields
// {} or {N} or {name} with keyword arguments; every argument used; an
// argument used twice only when it is a name or an attribute (evaluating it
// twice changes nothing).
func formatPieces(n syntax.Node) ([]piece, bool) {
	if !n.Is(syntax.KindCall) {
		return nil, false
	}
	fn := n.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("format") {
		return nil, false
	}
	recv := fn.ChildByField(syntax.FieldObject).Unparen()
	prefix, _, inner, ok := stringParts(recv)
	if !ok || strings.ContainsAny(prefix, "rRbBfF") {
		return nil, false
	}
	var posArgs []syntax.Node
	kwArgs := map[string]syntax.Node{}
	for a := range n.ChildByField(syntax.FieldArguments).Children() {
		switch {
		case a.Is(syntax.KindComment), a.Is(syntax.KindListSplat), a.Is(syntax.KindDictionarySplat):
			return nil, false
		case !a.IsNamed():
		case a.Is(syntax.KindKeywordArgument):
			kwArgs[string(a.ChildByField(syntax.FieldName).Text())] = a.ChildByField(syntax.FieldValue)
		default:
			posArgs = append(posArgs, a)
		}
	}
	used := map[syntax.Node]int{}
	var ps []piece
	auto, manual := 0, false
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			ps = append(ps, piece{text: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(inner); {
		switch {
		case strings.HasPrefix(inner[i:], "{{"), strings.HasPrefix(inner[i:], "}}"):
			lit.WriteByte(inner[i])
			i += 2
			continue
		case inner[i] == '}':
			return nil, false
		case inner[i] != '{':
			lit.WriteByte(inner[i])
			i++
			continue
		}
		m := formatField.FindStringSubmatch(inner[i:])
		if m == nil {
			return nil, false
		}
		var arg syntax.Node
		switch key := m[1]; {
		case key == "":
			if manual || auto >= len(posArgs) {
				return nil, false
			}
			arg = posArgs[auto]
			auto++
		case key[0] >= '0' && key[0] <= '9':
			k, _ := strconv.Atoi(key)
			if auto > 0 || k >= len(posArgs) {
				return nil, false
			}
			manual = true
			arg = posArgs[k]
		default:
			if arg = kwArgs[key]; arg.IsZero() {
				return nil, false
			}
		}
		pc, ok := conversion(strings.TrimPrefix(m[2], "!"), strings.TrimPrefix(m[3], ":"))
		if !ok {
			return nil, false
		}
		used[arg]++
		if used[arg] > 1 && !isPlainRef(arg.Unparen()) {
			return nil, false
		}
		flush()
		ps = append(ps, piece{arg: string(arg.Text()), conv: pc})
		i += len(m[0])
	}
	flush()
	for _, a := range posArgs {
		if used[a] == 0 {
			return nil, false
		}
	}
	for _, a := range kwArgs {
		if used[a] == 0 {
			return nil, false
		}
	}
	return ps, true
}

func isPlainRef(n syntax.Node) bool {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject).Unparen()
	}
	return n.Is(syntax.KindIdentifier)
}

// percentArgs converts `"fmt" % x` and `"fmt" % (a, b)` on a plain literal
// into logging's own arguments ("fmt", x) / ("fmt", a, b). A mapping, a
// tuple held in a variable (`% args`: one tuple argument or several?) or a
// starred element: no conversion.
func percentArgs(n syntax.Node) ([]string, bool) {
	if !n.Is(syntax.KindBinaryOperator) || !n.ChildByField(syntax.FieldOperator).TextIs("%") {
		return nil, false
	}
	left := n.ChildByField(syntax.FieldLeft).Unparen()
	c, ok := literalContent(left)
	if !ok || strings.Contains(c.text, "%(") {
		return nil, false
	}
	right := n.ChildByField(syntax.FieldRight).Unparen()
	args := []string{`"` + c.text + `"`}
	switch {
	case right.Is(syntax.KindTuple):
		for e := range right.NamedChildren() {
			if e.Is(syntax.KindListSplat) || e.Is(syntax.KindComment) {
				return nil, false
			}
			args = append(args, string(e.Text()))
		}
	case right.Is(syntax.KindIdentifier), right.Is(syntax.KindAttribute), right.Is(syntax.KindDictionary):
		// A name may hold a tuple (several arguments) or a mapping: logging
		// would read it differently.
		return nil, false
	default:
		args = append(args, string(right.Text()))
	}
	return args, true
}

// concatPieces converts an implicit concatenation of plain literals and
// f-strings ("a" f"{b}" ...) when every part converts.
func concatPieces(n syntax.Node) ([]piece, bool) {
	if !n.Is(syntax.KindConcatenatedString) {
		return nil, false
	}
	var ps []piece
	for part := range n.NamedChildren() {
		if part.Is(syntax.KindComment) {
			return nil, false
		}
		if c, ok := literalContent(part); ok {
			ps = append(ps, piece{text: c.text})
			continue
		}
		fp, ok := fstringPieces(part)
		if !ok {
			return nil, false
		}
		ps = append(ps, fp...)
	}
	return ps, true
}
