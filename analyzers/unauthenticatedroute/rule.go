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
		{Level: lint.Warning, When: "an open read-only route (GET, HEAD, OPTIONS): it can still leak data; a Go route registered without a method (it serves every method, but naming none is not taken as mutating); and a route that changes only the caller's own session (its handler reads a session cookie or calls sessionID(r)): whoever learns a session ID acts as that session"},
		{Level: lint.Note, When: "an open route public by convention, confirm it with public-paths: sign-in and token issuing, sign-up, password recovery, sign-out, OAuth callbacks and sign-in starts (GET /oauth/google), capability URLs (a secret in the path, or a secret token in the body a lookup or claim takes), routes the code declares public; for reads, probes (health, ready, live, version, metrics), static files, API docs, robots.txt, favicon, legal pages; every open route where platform-auth says the platform authenticates requests, or where the deployment files show it (a Cloud Endpoints spec beside the code, --no-allow-unauthenticated, Terraform invokers without allUsers, a ClusterIP-only Kubernetes Service); a route mounted only in development, or whose handler answers only when a debug or safe-mode flag is set; and a read-only route that reads only the caller's own session"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
