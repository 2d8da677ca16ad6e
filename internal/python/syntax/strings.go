package syntax

import (
	"strconv"
	"strings"
)

// StringLiteral returns the value of a string literal (a `string` node, or a
// `concatenated_string` of them) as Python would build it: escape sequences
// decoded except in raw strings, implicit concatenation joined. ok is false
// for other nodes, for f-strings with interpolations, whose value is not
// known statically, and for t-strings, which are not strings. Bytes
// literals are returned as their text.
func (n Node) StringLiteral() (s string, ok bool) {
	n = n.Unparen()
	switch {
	case n.Is(KindConcatenatedString):
		var b strings.Builder
		for part := range n.NamedChildren() {
			v, ok := part.StringLiteral()
			if !ok {
				return "", false
			}
			b.WriteString(v)
		}
		return b.String(), true
	case !n.Is(KindString):
		return "", false
	}
	raw := false
	var b strings.Builder
	for c := range n.Children() {
		switch c.Kind() {
		case KindStringStart:
			prefix := string(c.Text())
			if strings.ContainsAny(prefix, "tT") {
				return "", false // a t-string (Python 3.14) builds a Template, not a str
			}
			raw = strings.ContainsAny(prefix, "rR")
		case KindInterpolation:
			return "", false
		case KindStringContent:
			off := c.Start()
			for e := range c.Children() {
				if !e.Is(KindEscapeSequence) {
					continue
				}
				b.Write(n.t.src[off:e.Start()])
				if raw {
					b.Write(e.Text())
				} else {
					b.WriteString(unescape(string(e.Text())))
				}
				off = e.End()
			}
			b.Write(n.t.src[off:c.End()])
		}
	}
	return b.String(), true
}

// unescape decodes one escape sequence; sequences Go's strconv does not know
// (\N{...}, line continuations) are kept as written.
func unescape(e string) string {
	switch e {
	case "\\\n", "\\\r\n":
		return ""
	case `\'`, `\"`:
		return e[1:]
	}
	if v, _, tail, err := strconv.UnquoteChar(e, 0); err == nil && tail == "" {
		return string(v)
	}
	return e
}
