// Package escape makes untrusted text safe to print on a terminal or into
// a CI log: file names and source text are chosen by whoever wrote the code
// being checked (a pull request from a fork), and a newline in a file name
// could start a line with `::error` in a GitHub Actions log, an ESC byte
// could move a terminal's cursor or rewrite what is on screen, and a
// bidirectional override could make code read differently than it runs
// (CVE-2021-42574).
//
// Control characters — C0 (including newline, carriage return and ESC),
// DEL and C1 — become Go-style escapes (\n, \r, \x1b, \u009b), as do the
// Unicode bidirectional controls and line separators, and bytes that are
// not UTF-8 (\xff). Backslashes are left alone: the result is for reading,
// not for parsing back.
package escape

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text escapes s for display on one line: every control character,
// tab included.
func Text(s string) string { return escape(s, false) }

// Line escapes a source line for display: as Text, but tabs are kept (an
// excerpt's underline keeps them to stay aligned).
func Line(s string) string { return escape(s, true) }

// Rune returns how r is displayed by Line: itself, or its escape.
func Rune(r rune, keepTab bool) string {
	if !needsEscape(r, keepTab) {
		return string(r)
	}
	return runeEscape(r)
}

func escape(s string, keepTab bool) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\t' && keepTab {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || needsEscape(r, keepTab) {
			break
		}
		i += n
	}
	if i == len(s) {
		return s // the common case: nothing to escape
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case needsEscape(r, keepTab):
			b.WriteString(runeEscape(r))
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(r rune, keepTab bool) bool {
	switch {
	case r == '\t':
		return !keepTab
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional controls
	case r == 0x2028, r == 0x2029:
		return true // line and paragraph separators
	}
	return false
}

func runeEscape(r rune) string {
	switch r {
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	case '\t':
		return `\t`
	}
	if r < 0x80 {
		return `\x` + hex2(byte(r))
	}
	h := strconv.FormatInt(int64(r), 16)
	return `\u` + strings.Repeat("0", 4-len(h)) + h
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
