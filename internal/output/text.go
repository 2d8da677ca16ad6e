package output

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
	ansiBlue   = "\x1b[34m"
)

type painter bool

func (p painter) paint(code, s string) string {
	if !p {
		return s
	}
	return code + s + ansiReset
}

func severityColor(s lint.Severity) string {
	switch s {
	case lint.Error:
		return ansiRed
	case lint.Note:
		return ansiBlue
	}
	return ansiYellow
}

// writeText prints `path:line:col: XY005 [print-call] message` per finding
// (columns count code points), optionally with the source line and an
// underline, then a one-line summary.
func writeText(w io.Writer, res *driver.Result, opts Options) error {
	bw := bufio.NewWriter(w)
	p := painter(opts.Color)
	fixable := 0
	var lines *lint.Lines
	linesPath := ""
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		if d.Fix != nil {
			fixable++
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s %s %s\n",
			p.paint(ansiBold, d.Path), d.Range.Start.Line, d.Range.Start.Column,
			p.paint(ansiBold+severityColor(d.Severity), d.Rule.Code), p.paint(ansiCyan, "["+d.Rule.Name+"]"), d.Message)
		if !opts.Excerpts {
			continue
		}
		if linesPath != d.Path {
			linesPath, lines = d.Path, nil
			if src := res.Source(d.Path); src != nil {
				lines = lint.NewLines(src)
			}
		}
		if lines != nil {
			writeExcerpt(bw, p, lines, d)
		}
		if d.Fix != nil && d.Fix.Message != "" {
			fmt.Fprintf(bw, "  %s %s\n", p.paint(ansiCyan, "= fix:"), d.Fix.Message)
		}
	}
	writeSummary(bw, p, res, fixable)
	return bw.Flush()
}

func writeExcerpt(w io.Writer, p painter, lines *lint.Lines, d *lint.Diagnostic) {
	n := d.Range.Start.Line
	text := string(lines.LineText(n))
	if !utf8.ValidString(text) {
		return
	}
	num := strconv.Itoa(n)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, " %s %s %s\n", num, p.paint(ansiBlue, "|"), text)
	// The underline keeps the line's tabs so it stays aligned.
	var under strings.Builder
	col := 1
	for _, r := range text {
		if col >= d.Range.Start.Column {
			break
		}
		if r == '\t' {
			under.WriteByte('\t')
		} else {
			under.WriteByte(' ')
		}
		col++
	}
	width := utf8.RuneCountInString(text) - (d.Range.Start.Column - 1)
	if d.Range.End.Line == n {
		width = d.Range.End.Column - d.Range.Start.Column
	}
	width = max(width, 1)
	fmt.Fprintf(w, " %s %s %s%s\n", pad, p.paint(ansiBlue, "|"), under.String(), p.paint(ansiBold+severityColor(d.Severity), strings.Repeat("^", width)))
}

func writeSummary(w io.Writer, p painter, res *driver.Result, fixable int) {
	n := len(res.Diagnostics)
	switch {
	case n == 0 && len(res.Errors) == 0:
		fmt.Fprintln(w, p.paint(ansiBold, "All checks passed!"))
		return
	case n == 0:
		return // the errors on stderr say what went wrong
	}
	counts := map[lint.Severity]int{}
	for _, d := range res.Diagnostics {
		counts[d.Severity]++
	}
	var parts []string
	for _, s := range lint.Severities {
		if c := counts[s]; c > 0 {
			parts = append(parts, plural(c, s.String()))
		}
	}
	fmt.Fprintf(w, "Found %s (%s)", plural(n, "problem"), strings.Join(parts, ", "))
	if fixable > 0 {
		fmt.Fprintf(w, "; %d with a fix", fixable)
	}
	fmt.Fprintln(w, ".")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
