// Package textedit holds the text helpers shared by the fixes of every
// language. Fixes build edits that fit the file: its line ending (a CRLF
// file stays CRLF; fixes write "\n" and WithNewline converts it), its
// indentation (tabs or spaces, and the width in use) and its BOM (which
// offsets count, and which nothing must be inserted before). It knows no
// language and no parser: internal/python/pyedit builds on it.
package textedit

import (
	"bytes"
	"strings"
)

// BOM is the UTF-8 byte order mark.
const BOM = "\xef\xbb\xbf"

// ContentStart is the offset of the first byte after a UTF-8 BOM (0 when
// there is none): the earliest point at which text may be inserted.
func ContentStart(src []byte) int {
	if bytes.HasPrefix(src, []byte(BOM)) {
		return len(BOM)
	}
	return 0
}

// Newline is the file's line ending: the first one it uses, "\r\n" or "\n"
// ("\n" for a file of one line).
func Newline(src []byte) string {
	i := bytes.IndexByte(src, '\n')
	if i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// WithNewline converts the "\n" line endings of text (as fixes write it) to
// nl.
func WithNewline(text, nl string) string {
	if nl == "\n" || !strings.Contains(text, "\n") {
		return text
	}
	return strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", nl)
}

// LineStart is the offset of the start of the line containing off.
func LineStart(src []byte, off int) int {
	return bytes.LastIndexByte(src[:off], '\n') + 1
}

// LineEnd is the offset of the end of the line containing off, before its
// terminator ("\n" or "\r\n"), or len(src).
func LineEnd(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	e := off + i
	if e > off && src[e-1] == '\r' {
		e--
	}
	return e
}

// NextLineStart is the offset just after the terminator of the line
// containing off, or len(src) when that line is the last one.
func NextLineStart(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	return off + i + 1
}

// IndentOf is the leading whitespace (spaces, tabs, form feeds) of the
// line containing off.
func IndentOf(src []byte, off int) string {
	s := LineStart(src, off)
	e := s
	for e < len(src) && (src[e] == ' ' || src[e] == '\t' || src[e] == '\f') {
		e++
	}
	return string(src[s:e])
}

// IndentUnit guesses one level of the file's indentation: "\t" when
// indented lines start with a tab, else the smallest positive number of
// leading spaces that is a step between consecutive indented lines
// (default four spaces).
func IndentUnit(src []byte) string {
	tabs, spaces := 0, 0
	unit := 0
	prev := 0
	for line := range bytes.Lines(src) {
		t := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(t)) == 0 || t[0] == '#' {
			continue
		}
		ind := line[:len(line)-len(t)]
		switch {
		case len(ind) == 0:
			prev = 0
			continue
		case ind[0] == '\t':
			tabs++
			continue
		}
		spaces++
		n := len(ind) - len(bytes.TrimLeft(ind, " "))
		if d := n - prev; d > 0 && (unit == 0 || d < unit) {
			unit = d
		}
		prev = n
	}
	if tabs > spaces {
		return "\t"
	}
	if unit == 0 || unit > 8 {
		unit = 4
	}
	return strings.Repeat(" ", unit)
}

// IndentLines prefixes every non-empty line of text (lines separated by
// "\n") with indent.
func IndentLines(text, indent string) string {
	if indent == "" {
		return text
	}
	lines := strings.SplitAfter(text, "\n")
	var b strings.Builder
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			b.WriteString(indent)
		}
		b.WriteString(l)
	}
	return b.String()
}
