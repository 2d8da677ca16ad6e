package output

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/escape"
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

// writeText prints `path:line:col: warning: XY005 [print-call] message` per
// finding (columns count code points), optionally with the source line and
// an underline, then a one-line summary. The level comes right after the
// location, as compilers write it, so that editors and CI problem matchers
// that read `file:line:col: warning:` (Emacs, Vim, VS Code's $gcc) classify
// findings as errors, warnings and notes.
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
		fmt.Fprintf(bw, "%s:%d:%d: %s %s %s %s\n",
			p.paint(ansiBold, escape.Text(d.Path)), d.Range.Start.Line, d.Range.Start.Column,
			p.paint(ansiBold+severityColor(d.Severity), d.Severity.String()+":"),
			p.paint(ansiBold, d.Rule.Code), p.paint(ansiCyan, "["+d.Rule.Name+"]"), escape.Text(d.Message))
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
			fmt.Fprintf(bw, "  %s %s\n", p.paint(ansiCyan, "= fix:"), escape.Text(d.Fix.Message))
		}
	}
	writeSummary(bw, p, res, fixable)
	return bw.Flush()
}

// excerptWidth is the most code points of a line an excerpt shows: a
// minified or generated line can be megabytes long.
const excerptWidth = 160

// excerptContext is how many code points before the finding an excerpt of
// a long line keeps.
const excerptContext = 40

// writeExcerpt prints the finding's first line and an underline, control
// characters escaped (tabs kept, for the underline to stay aligned) and a
// long line cut to a window around the finding.
func writeExcerpt(w io.Writer, p painter, lines *lint.Lines, d *lint.Diagnostic) {
	n := d.Range.Start.Line
	text := lines.LineText(n)
	start := d.Range.Start.Column
	end := d.Range.End.Column
	if d.Range.End.Line != n {
		end = -1 // to the end of the line
	}
	from := 1 // the first column shown
	if start > excerptWidth-excerptContext {
		from = start - excerptContext
	}
	var shown, under strings.Builder
	if from > 1 {
		shown.WriteString("…")
		under.WriteString(" ")
	}
	width := 0
	col, cut := 1, false
	for i := 0; i < len(text); col++ {
		r, size := utf8.DecodeRune(text[i:])
		i += size
		if col < from {
			continue
		}
		if col >= from+excerptWidth {
			cut = true
			break
		}
		s := escape.Rune(r, true)
		if r == utf8.RuneError && size == 1 {
			s = escape.Text(string(text[i-size : i]))
		}
		shown.WriteString(s)
		switch {
		case col < start:
			if r == '\t' {
				under.WriteByte('\t')
			} else {
				under.WriteString(strings.Repeat(" ", utf8.RuneCountInString(s)))
			}
		case end < 0 || col < end:
			width += utf8.RuneCountInString(s)
		}
	}
	if cut {
		shown.WriteString("…")
	}
	num := strconv.Itoa(n)
	pad := strings.Repeat(" ", len(num))
	fmt.Fprintf(w, " %s %s %s\n", num, p.paint(ansiBlue, "|"), shown.String())
	fmt.Fprintf(w, " %s %s %s%s\n", pad, p.paint(ansiBlue, "|"), under.String(), p.paint(ansiBold+severityColor(d.Severity), strings.Repeat("^", max(width, 1))))
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
	fmt.Fprintf(w, "Found %s (%s)", plural(n, "problem"), levelCounts(severityCounts(res.Diagnostics)))
	if fixable > 0 {
		fmt.Fprintf(w, "; %d with a fix", fixable)
	}
	// Say why findings leave the exit status at 0, so that a note (or a
	// warning under --fail-on error) is not mistaken for a failure.
	switch below := n - res.Failing(); {
	case below == n:
		fmt.Fprint(w, "; none fails the run (all below fail-on)")
	case below == 1:
		fmt.Fprint(w, "; 1 below fail-on does not fail the run")
	case below > 1:
		fmt.Fprintf(w, "; %d below fail-on do not fail the run", below)
	}
	fmt.Fprintln(w, ".")
}

// severityCounts counts diagnostics per level name.
func severityCounts(diags []lint.Diagnostic) map[string]int {
	counts := map[string]int{}
	for i := range diags {
		counts[diags[i].Severity.String()]++
	}
	return counts
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
