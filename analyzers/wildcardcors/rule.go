package wildcardcors

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY001 wildcard-cors's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:      "XY001",
	Name:      "wildcard-cors",
	Summary:   "CORS policy that allows every origin",
	Doc:       lint.ExtractDoc(doc),
	Severity:  lint.Error,
	FixSafety: lint.Unsafe,
	Aliases:   []string{},
	Options:   OptionsSpec,
}
