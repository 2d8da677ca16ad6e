package fix

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/aymanbagabas/go-udiff/lcs"

	"github.com/xynergy/xylint/internal/escape"
)

// diffContext is the number of unchanged lines around each hunk (GNU
// diff -u's and git's default).
const diffContext = 3

// Diff is a unified diff of a file's old and new content, labelled a/path
// and b/path as git does, or "" when they are equal. A path with control
// characters is quoted and escaped, as git quotes it ("a/x\ny.py"): a
// file name must not start a line of its own in the output.
//
// Hunks are laid out as GNU diff -u lays them out: three lines of context,
// changes at most six unchanged lines apart in one hunk, and headers
// "@@ -l,s +l,s @@" whose line numbers count in the old and the new file
// respectively (",1" left out; an empty range numbered by the line before
// it). go-udiff's own formatter numbered the new file wrongly after a hunk
// that joined changes of unequal length; only its line matching is used.
func Diff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	p := strings.TrimPrefix(filepath.ToSlash(path), "/")
	a, b := splitLines(old), splitLines(new)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", diffLabel("a/"+p), diffLabel("b/"+p))
	for _, h := range hunks(lcs.DiffLines(a, b), len(a)) {
		h.write(&out, a, b)
	}
	return out.String()
}

// hunk is a run of changes close enough to share their context: old lines
// [a0, a1) become new lines [b0, b1), changes holding what differs inside.
type hunk struct {
	a0, a1, b0, b1 int
	changes        []lcs.Diff
}

// hunks groups changes (sorted, in line indexes) into hunks; n is the
// number of old lines.
func hunks(changes []lcs.Diff, n int) []hunk {
	var out []hunk
	delta := 0 // new index - old index before the current change
	for i := 0; i < len(changes); {
		j := i + 1
		for j < len(changes) && changes[j].Start-changes[j-1].End <= 2*diffContext {
			j++
		}
		first, last := changes[i], changes[j-1]
		h := hunk{a0: max(0, first.Start-diffContext), a1: min(n, last.End+diffContext), changes: changes[i:j]}
		h.b0 = h.a0 + delta
		for _, c := range h.changes {
			delta += (c.ReplEnd - c.ReplStart) - (c.End - c.Start)
		}
		h.b1 = h.a1 + delta
		out = append(out, h)
		i = j
	}
	return out
}

func (h hunk) write(w *strings.Builder, a, b []string) {
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(h.a0, h.a1), hunkRange(h.b0, h.b1))
	at := h.a0
	for _, c := range h.changes {
		writeLines(w, ' ', a[at:c.Start])
		writeLines(w, '-', a[c.Start:c.End])
		writeLines(w, '+', b[c.ReplStart:c.ReplEnd])
		at = c.End
	}
	writeLines(w, ' ', a[at:h.a1])
}

// hunkRange is one side of a hunk header, as GNU diff writes it: "l,s"
// with l 1-based, ",1" left out, and an empty range numbered by the line
// before it ("0,0" at the start of the file).
func hunkRange(start, end int) string {
	switch end - start {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, end-start)
}

func writeLines(w *strings.Builder, mark byte, lines []string) {
	for _, l := range lines {
		w.WriteByte(mark)
		w.WriteString(l)
		if !strings.HasSuffix(l, "\n") {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// splitLines splits s after each "\n"; a last line without one is kept.
func splitLines(s []byte) []string {
	var out []string
	for l := range bytes.Lines(s) {
		out = append(out, string(l))
	}
	return out
}

func diffLabel(s string) string {
	if e := escape.Text(s); e != s || strings.ContainsAny(s, `"\`) {
		return `"` + escape.Text(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)) + `"`
	}
	return s
}
