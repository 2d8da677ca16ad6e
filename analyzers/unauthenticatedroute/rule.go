package unauthenticatedroute

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY002 unauthenticated-route's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:     "XY002",
	Name:     "unauthenticated-route",
	Summary:  "HTTP route reachable without authentication",
	Doc:      lint.ExtractDoc(doc),
	Severity: lint.Error,
	Levels: []lint.LevelDoc{
		{Level: lint.Error, When: "a route that changes state: POST, PUT, PATCH, DELETE, a WebSocket, or (Go) a route registered without a method"},
		{Level: lint.Warning, When: "a read-only route (GET, HEAD, OPTIONS): it can still leak data"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
