// Package analyzers is the registry of xylint's rules: one table that maps
// code, name and documentation. Each rule lives in its own folder below this
// one. This package has no cgo: the Go analyzers and the golangci-lint plugin
// may import it; the Python detection is registered in analyzers/pyrules.
package analyzers

import (
	"github.com/xynergy/xylint/analyzers/broadexcept"
	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/analyzers/missingshutdown"
	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/lint"
)

// Rules lists every rule in code order.
var Rules = []*lint.Rule{
	wildcardcors.Rule,
	unauthenticatedroute.Rule,
	directclient.Rule,
	broadexcept.Rule,
	printcall.Rule,
	missingshutdown.Rule,
}

// Lookup finds a rule by code, name or alias (case-insensitive); it also
// knows the XY000 syntax-error pseudo-rule.
func Lookup(s string) *lint.Rule {
	for _, r := range append([]*lint.Rule{lint.SyntaxError}, Rules...) {
		if r.MatchesSuppression(s) {
			return r
		}
	}
	return nil
}
