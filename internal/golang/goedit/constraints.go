package goedit

import (
	"bytes"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"strings"
)

// Constraints returns the build constraint lines (//go:build, // +build) in
// the file's header — before the package clause, where the go command reads
// them — one per line. The fix engine keeps it unchanged
// (fix.Options.Invariant): a fix must never change whether a file is built.
func Constraints(src []byte) string {
	var lines []string
	for _, l := range strings.Split(string(header(src)), "\n") {
		l = strings.TrimSpace(l)
		if constraint.IsGoBuild(l) || constraint.IsPlusBuild(l) {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// header is src up to its package clause (all of src when it has none).
func header(src []byte) []byte {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.PackageClauseOnly)
	if err != nil || !f.Package.IsValid() {
		return src
	}
	return src[:min(int(f.Package)-1, len(src))]
}

// inertMark replaces the "//" of a build constraint line after the package
// clause while gofmt runs (Format): it does not occur in Go code otherwise.
const inertMark = "//xylint:inert-constraint "

// maskInert rewrites the build constraint lines that come after the
// package clause — inert: the go command ignores them, but gofmt moves
// them to the top of the file, where they would decide the build. ok is
// false when there is none.
func maskInert(src []byte) (out []byte, ok bool) {
	h := len(header(src))
	if h >= len(src) || bytes.Contains(src, []byte(inertMark)) {
		return src, false
	}
	var b bytes.Buffer
	b.Write(src[:h])
	for _, line := range bytes.SplitAfter(src[h:], []byte("\n")) {
		t := bytes.TrimSpace(line)
		if constraint.IsGoBuild(string(t)) || constraint.IsPlusBuild(string(t)) {
			i := bytes.Index(line, []byte("//"))
			b.Write(line[:i])
			b.WriteString(inertMark)
			b.Write(line[i+2:])
			ok = true
			continue
		}
		b.Write(line)
	}
	return b.Bytes(), ok
}

func unmaskInert(src []byte) []byte {
	return bytes.ReplaceAll(src, []byte(inertMark), []byte("//"))
}
