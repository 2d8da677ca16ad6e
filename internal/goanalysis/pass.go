package goanalysis

import (
	"go/token"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/internal/lint"
)

// Pass is what an xylint rule's Go analyzer runs with: the go/analysis
// pass, and how to report a finding of the rule (ReportAt, ReportLevel).
// A finding goes two ways: as the analysis.Diagnostic go vet and
// golangci-lint show (its message starting with the level, code and name:
// Prefix), and, typed, into the analyzer's result (Findings), which
// xylint's own driver reads — it never parses a message.
type Pass struct {
	*analysis.Pass
	rule     *lint.Rule
	findings *Findings
}

// Finding is one finding of an xylint analyzer, typed.
type Finding struct {
	Rule     *lint.Rule
	Severity lint.Severity
	// Message is the bare message ("fmt.Println writes to stdout ...");
	// Diagnostic is what was reported, its Message prefixed.
	Message    string
	Diagnostic analysis.Diagnostic
}

// Findings is the result of every xylint analyzer (Analyzer.ResultType):
// its findings in the package, in the order it reported them.
type Findings struct{ List []Finding }

var findingsType = reflect.TypeOf((*Findings)(nil))

// ReportAt reports a finding at [pos, end) at the rule's default level,
// with at most one fix.
func (p *Pass) ReportAt(pos, end token.Pos, msg string, fix *analysis.SuggestedFix) {
	p.ReportLevel(p.rule.Severity, pos, end, msg, fix)
}

// ReportLevel is ReportAt for a finding whose level the rule decides (XY001
// without credentials is a warning); the message should say why.
func (p *Pass) ReportLevel(sev lint.Severity, pos, end token.Pos, msg string, fix *analysis.SuggestedFix) {
	d := analysis.Diagnostic{Pos: pos, End: end, Category: p.rule.Code, Message: Prefix(p.rule, sev) + msg}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	p.findings.List = append(p.findings.List, Finding{Rule: p.rule, Severity: sev, Message: msg, Diagnostic: d})
	p.Pass.Report(d)
}

// Def is an xylint rule's Go analyzer, its options typed C (NewRule, Plain).
type Def[C any] struct {
	// Name is the analyzer's name: the rule's folder ("printcall").
	Name string
	// Requires are the analyzers whose results Run reads
	// (inspect.Analyzer, RequestScopeAnalyzer, ...).
	Requires  []*analysis.Analyzer
	FactTypes []analysis.Fact
	Run       func(pass *Pass, opts C) error
}

// analyzer builds the analysis.Analyzer of d for rule, which reads its
// options through opts when it runs.
func (d Def[C]) analyzer(rule *lint.Rule, opts func() (C, error)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name:       d.Name,
		Doc:        rule.Doc,
		URL:        "https://github.com/xynergy/xylint/blob/main/analyzers/" + d.Name + "/doc.go",
		Requires:   d.Requires,
		FactTypes:  d.FactTypes,
		ResultType: findingsType,
		Run: func(pass *analysis.Pass) (any, error) {
			c, err := opts()
			if err != nil {
				return nil, err
			}
			p := &Pass{Pass: pass, rule: rule, findings: &Findings{}}
			err = d.Run(p, c)
			return p.findings, err
		},
	}
}

// ResultFindings returns the findings an xylint analyzer's result holds
// (nil for another analyzer's result).
func ResultFindings(result any) []Finding {
	if f, ok := result.(*Findings); ok && f != nil {
		return f.List
	}
	return nil
}
