// Package pyrules is the registry of xylint's Python analyzers, in code
// order. It imports the cgo parser; the Go analyzers and the golangci-lint
// plugin must not import it.
package pyrules

import (
	broadexcept "github.com/xynergy/xylint/analyzers/broadexcept/python"
	printcall "github.com/xynergy/xylint/analyzers/printcall/python"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// All lists every Python analyzer.
var All = []*pyanalysis.Analyzer{
	broadexcept.Analyzer,
	printcall.Analyzer,
}
