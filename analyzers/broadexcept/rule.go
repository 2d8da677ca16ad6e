package broadexcept

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY004 broad-except's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:     "XY004",
	Name:     "broad-except",
	Summary:  "broad exception handler that hides errors",
	Doc:      lint.ExtractDoc(doc),
	Severity: lint.Warning,
	Levels: []lint.LevelDoc{
		{Level: lint.Error, When: "the handler swallows the exception: its body is only pass, ..., continue, break, a constant return, or prints (Python)"},
		{Level: lint.Warning, When: "the handler does something, but neither re-raises nor logs the traceback; every Go finding (a discarded error, an empty if err != nil block, a dropped recover())"},
	},
	FixSafety: lint.Unsafe,
	Aliases:   []string{"BLE001", "E722"},
	Options:   OptionsSpec,
}
