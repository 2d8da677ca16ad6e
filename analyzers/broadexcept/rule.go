package broadexcept

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY004 broad-except's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY004",
	Name:      "broad-except",
	Summary:   "broad exception handler that hides errors",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Warning,
	FixSafety: lint.Unsafe,
	Aliases:   []string{"BLE001", "E722"},
	Options:   OptionsSpec,
}
