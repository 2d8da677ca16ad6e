package analyzers

import (
	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/analyzers/broadexcept"
	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/analyzers/missingshutdown"
	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/lint"
)

// GoAnalyzer ties a rule to its go/analysis analyzer.
type GoAnalyzer struct {
	Rule *lint.Rule
	// Analyzer runs with the rule's default options; its flags (the vet
	// tool's -<name>.<option>) change them.
	Analyzer *analysis.Analyzer
	// New builds an analyzer for options: the value Rule.NewOptions
	// returned, as the configuration filled it, or nil for the defaults.
	// Rules without Go options ignore it.
	New func(options any) *analysis.Analyzer
}

// GoAnalyzers lists the Go analyzers in code order. An analyzer's Name is its
// rule's package name (printcall); every message it reports starts with the
// rule's code and name ("XY005 print-call: ...") and its Category is the code.
var GoAnalyzers = []GoAnalyzer{
	{wildcardcors.Rule, wildcardcors.Analyzer, func(any) *analysis.Analyzer { return wildcardcors.Analyzer }},
	{unauthenticatedroute.Rule, unauthenticatedroute.Analyzer, func(o any) *analysis.Analyzer {
		opts, _ := o.(*unauthenticatedroute.Options)
		return unauthenticatedroute.NewAnalyzer(opts)
	}},
	{directclient.Rule, directclient.Analyzer, func(o any) *analysis.Analyzer {
		opts, _ := o.(*directclient.Options)
		return directclient.NewAnalyzer(opts)
	}},
	{broadexcept.Rule, broadexcept.Analyzer, func(any) *analysis.Analyzer { return broadexcept.Analyzer }},
	{printcall.Rule, printcall.Analyzer, func(any) *analysis.Analyzer { return printcall.Analyzer }},
	{missingshutdown.Rule, missingshutdown.Analyzer, func(any) *analysis.Analyzer { return missingshutdown.Analyzer }},
}

// DefaultGoAnalyzers are the analyzers with their default options, for the
// vet tool.
func DefaultGoAnalyzers() []*analysis.Analyzer {
	out := make([]*analysis.Analyzer, len(GoAnalyzers))
	for i, g := range GoAnalyzers {
		out[i] = g.Analyzer
	}
	return out
}

// RuleOfAnalyzer is the rule whose analyzer is called name, or nil.
func RuleOfAnalyzer(name string) *lint.Rule {
	for _, g := range GoAnalyzers {
		if g.Analyzer.Name == name {
			return g.Rule
		}
	}
	return nil
}
