// Package goedit is what the fix engine needs for Go files
// (fix.Options): gofmt for every round's result, and the parser's count
// of syntax errors to verify one. The edits themselves come from the Go
// analyzers' SuggestedFixes (internal/golang converts them).
package goedit

import (
	"errors"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
)

// Format is gofmt (go/format.Source): the engine formats each round's
// result, so a fix's edits need not be laid out exactly. It fails on source
// that does not parse. Unlike gofmt, it leaves a //go:build or // +build
// line that comes after the package clause where it is: gofmt moves such a
// line, which the go command ignores there, to the top of the file, where
// it excludes the file from the build.
func Format(src []byte) ([]byte, error) {
	masked, ok := maskInert(src)
	out, err := format.Source(masked)
	if err != nil || !ok {
		return out, err
	}
	return unmaskInert(out), nil
}

// SyntaxErrors counts the lines with a syntax error in a Go file (0 when it
// parses).
func SyntaxErrors(src []byte) int {
	_, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err == nil {
		return 0
	}
	var list scanner.ErrorList
	if errors.As(err, &list) {
		list.RemoveMultiples()
		return max(1, len(list))
	}
	return 1
}
