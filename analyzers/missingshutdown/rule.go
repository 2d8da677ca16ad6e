package missingshutdown

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY006 missing-shutdown's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY006",
	Name:      "missing-shutdown",
	Summary:   "service without a shutdown hook",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Warning,
	FixSafety: lint.Safe,
	Aliases:   []string{},
	Options:   OptionsSpec,
	Levels: []lint.LevelDoc{
		{Level: lint.Warning, When: "the app's modules leave a client, a pooled getter's client or a background task open (Python); a Go server without graceful shutdown"},
		{Level: lint.Note, When: "a Python app with nothing to close yet (no client, pool or background task in its modules)"},
	},
}
