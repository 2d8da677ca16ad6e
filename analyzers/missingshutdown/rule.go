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
}
