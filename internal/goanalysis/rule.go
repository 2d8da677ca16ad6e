package goanalysis

import (
	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/lint"
)

// A Rule is an xylint rule's Go side, as each rule package declares it
// (its Go variable) and analyzers.Go lists them: the drivers (xylint's Go
// producer, the vet tool, the golangci-lint plugin) are handed this list
// and import no rule themselves.
type Rule struct {
	Rule *lint.Rule
	// Analyzer runs with the rule's default options; its flags (the vet
	// tool's -<name>.<option>) change them.
	Analyzer *analysis.Analyzer
	// New builds an analyzer for options: the value the rule's options
	// declaration made of a configuration (nil: the defaults).
	New func(options any) *analysis.Analyzer
}
