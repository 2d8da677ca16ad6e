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
	AllowedBy: "T201",
	Options:   OptionsSpec,
	Levels: []lint.LevelDoc{
		{Level: lint.Warning, When: "a print in service code or library code (Python), fmt.Print*, print/println, and log.Fatal*/log.Panic* outside main or in a request handler (Go); not reported: a Go documentation sample's print (a file with // [START name] regions, in a function nothing of its package runs), its output as in Python's samples"},
		{Level: lint.Note, When: "Go's log.Print*: logging already, without level or fields"},
	},
}
