// Package analyzers is the registry of xylint's rules. Each rule lives in
// its own folder below this one, where one declaration says everything
// about it: rule.go (its lint.Rule: code, name, documentation, options),
// analyzer.go (its Go side, Go), python/ (its Python analyzer). The lists
// here — Rules and Go in registry.go, pyrules.All — are generated from the
// folders by `go generate ./analyzers`; a test fails when they are stale.
//
// This package has no cgo: the Go analyzers' drivers (the vet tool, the
// golangci-lint plugin) import it; the Python side is in analyzers/pyrules.
package analyzers

//go:generate go run ./internal/rulegen

import (
	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/lint"
)

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

// DefaultGoAnalyzers are the Go analyzers with their default options, for
// the vet tool.
func DefaultGoAnalyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(Go))
	for i, g := range Go {
		out[i] = g.Analyzer
	}
	return out
}
