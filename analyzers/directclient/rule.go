package directclient

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// The kinds of XY003 findings (lint.Diagnostic.Kind), from the most to the
// least costly: a client built for every request, for every call of a
// function that is not known to run per request, once at module level (or
// at startup), and a hand-made cached singleton.
const (
	KindPerRequest  = "per-request"
	KindPerCall     = "per-call"
	KindModuleLevel = "module-level"
	KindCached      = "cached"
)

// Rule is XY003 direct-client's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY003",
	Name:      "direct-client",
	Summary:   "client built directly instead of taken from the shared pool",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Warning,
	FixSafety: lint.Safe,
	Aliases:   []string{},
	Options:   OptionsSpec,
	Kinds:     []string{KindPerRequest, KindPerCall, KindModuleLevel, KindCached},
	Levels: []lint.LevelDoc{
		{Level: lint.Warning, When: "a client built per request (or per message a worker handles): a connection pool, TLS session and token refresh each time"},
		{Level: lint.Note, When: "a client built once per process (module level, a cache, startup code: the message says \"once per process\"), or per call of code no service entry point reaches (a command-line program, a script, library code; in Go, a function outside package main that none of its package's handlers, gRPC methods or callbacks reaches; a method that caches it on its instance, `if self._client is not None: return self._client`, says \"once per instance\")"},
	},
}
