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
		{Level: lint.Error, When: "an open route that changes state: POST, PUT, PATCH, DELETE (also among other methods), or a WebSocket (it takes input)"},
		{Level: lint.Warning, When: "an open read-only route (GET, HEAD, OPTIONS): it can still leak data; and a Go route registered without a method (it serves every method, but naming none is not taken as mutating)"},
		{Level: lint.Note, When: "an open route public by convention, confirm it with public-paths: sign-in and token issuing, sign-up, password recovery, sign-out, OAuth callbacks, capability URLs (a secret in the path), routes the code declares public; for reads, probes (health, ready, live, version, metrics), static files, API docs, robots.txt, favicon, legal pages; and every open route where platform-auth says the platform authenticates requests"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
