package directclient

import (
	_ "embed"

	"github.com/xynergy/xylint/internal/lint"
)

//go:embed doc.go
var doc string

// Rule is XY003 direct-client's metadata, shared by its Python and Go detection.
var Rule = &lint.Rule{
	Code:       "XY003",
	Name:       "direct-client",
	Summary:    "client built directly instead of taken from the shared pool",
	Doc:        lint.ExtractDoc(doc),
	Severity:   lint.Warning,
	FixSafety:  lint.Safe,
	Aliases:    []string{},
	NewOptions: func() any { return NewOptions() },
}
