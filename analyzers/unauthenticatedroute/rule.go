package unauthenticatedroute

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY002 unauthenticated-route's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY002",
	Name:      "unauthenticated-route",
	Summary:   "HTTP route reachable without authentication",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Error,
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
