package pyanalysis

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

// A file that no rule's prefilter passes is still parsed for its syntax
// errors when CheckSyntax is set: `def f(:` alone was "All checks passed!".
func TestSyntaxErrorsOfFilesNoRuleReads(t *testing.T) {
	rule := &lint.Rule{Code: "XY998", Name: "needs-print"}
	a := &Analyzer{Rule: rule, Prefilter: &Prefilter{Any: []string{"print"}}, Run: func(*Pass) error { return nil }}
	big := strings.Repeat("x = 1\n", 50000) // parsed in pieces
	for _, tc := range []struct {
		name, src string
		check     bool
		want      int // XY000 diagnostics
		parsed    bool
	}{
		{"bad, checked", "def f(:\n", true, 1, true},
		{"bad, not checked", "def f(:\n", false, 0, false},
		{"clean, checked", "x = 1\n", true, 0, true},
		{"bad with a BOM", "\ufeffdef f(:\n", true, 1, true},
		{"large, bad at the end", big + "def f(:\n", true, 1, true},
		{"large, clean", big, true, 0, true},
	} {
		res := AnalyzeFile("m.py", []byte(tc.src), Config{Analyzers: []*Analyzer{a}, CheckSyntax: tc.check})
		n := 0
		for _, d := range res.Diagnostics {
			if d.Rule == lint.SyntaxError {
				n++
			}
		}
		if n != tc.want || res.Parsed != tc.parsed || res.Err != nil {
			t.Errorf("%s: %d XY000, parsed %v, err %v; want %d, parsed %v", tc.name, n, res.Parsed, res.Err, tc.want, tc.parsed)
		}
	}
}

// A clean file no rule reads that may hold a suppression directive is
// parsed for its comments (the driver checks them: XY100, XY101) and gives
// the result any clean file no rule reads gives, with them: no scopes, no
// imports. One without such a comment keeps no comments.
func TestCommentsOfFilesNoRuleReads(t *testing.T) {
	rule := &lint.Rule{Code: "XY998", Name: "needs-print"}
	a := &Analyzer{Rule: rule, Prefilter: &Prefilter{Any: []string{"print"}}, Run: func(*Pass) error { return nil }}
	cfg := Config{Analyzers: []*Analyzer{a}, CheckSyntax: true}
	res := AnalyzeFile("m.py", []byte("import os\n\nx = 1  # NOQA: XY005\ny = 2  # a comment\n"), cfg)
	if len(res.Comments) != 2 || res.Comments[0].Line != 3 || !res.Parsed || res.Runtime != nil || len(res.Diagnostics) != 0 {
		t.Errorf("with a directive: comments %+v, parsed %v, runtime %+v, %d findings", res.Comments, res.Parsed, res.Runtime, len(res.Diagnostics))
	}
	res = AnalyzeFile("m.py", []byte("import os\n\nx = 1  # a comment\n"), cfg)
	if res.Comments != nil || !res.Parsed || res.Runtime != nil {
		t.Errorf("without one: comments %+v, parsed %v, runtime %+v", res.Comments, res.Parsed, res.Runtime)
	}
}
