package printcall

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY005 print-call's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY005",
	Name:      "print-call",
	Summary:   "print call instead of logging",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Warning,
	FixSafety: lint.Safe,
	Aliases:   []string{"T201", "T203"},
	Options:   OptionsSpec,
}
