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
// that does not parse.
func Format(src []byte) ([]byte, error) { return format.Source(src) }

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
