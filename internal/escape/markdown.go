package escape

import "strings"

// Markdown makes text from the code being checked (a message quotes
// names and strings) inert in a table cell: control characters escaped
// (a newline would end the row), the punctuation that means something
// inline backslash-escaped (no emphasis, code, links, images, autolinks or
// HTML), & written as an entity.
func Markdown(s string) string {
	s = Text(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case strings.ContainsRune("\\`*_[]<>|~", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MarkdownCode is s as a code span in a table cell: a fence of more
// backticks than s holds in a row (CommonMark), padded with spaces when s
// starts or ends with one, and "|" escaped (GFM tables split cells on it
// even inside code spans).
func MarkdownCode(s string) string {
	s = strings.ReplaceAll(Text(s), "|", `\|`)
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}
