// Package pyrules is the registry of xylint's Python analyzers, in code
// order. It imports the cgo parser; the Go analyzers and the golangci-lint
// plugin must not import it.
package pyrules

import (
	broadexcept "github.com/xynergy/xylint/analyzers/broadexcept/python"
	directclient "github.com/xynergy/xylint/analyzers/directclient/python"
	missingshutdown "github.com/xynergy/xylint/analyzers/missingshutdown/python"
	printcall "github.com/xynergy/xylint/analyzers/printcall/python"
	unauthenticatedroute "github.com/xynergy/xylint/analyzers/unauthenticatedroute/python"
	wildcardcors "github.com/xynergy/xylint/analyzers/wildcardcors/python"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// All lists every Python analyzer.
var All = []*pyanalysis.Analyzer{
	wildcardcors.Analyzer,
	directclient.Analyzer,
	unauthenticatedroute.Analyzer,
	broadexcept.Analyzer,
	printcall.Analyzer,
	missingshutdown.Analyzer,
}
