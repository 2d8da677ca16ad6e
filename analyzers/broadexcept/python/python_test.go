package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/broadexcept/python"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	res := pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
	// Swallowing handlers are errors, the others warnings.
	for _, r := range res {
		for _, d := range r.Result.Diagnostics {
			if d.Rule.Code != "XY004" {
				continue
			}
			want := lint.Warning
			if containsSwallow(d.Message) {
				want = lint.Error
			}
			if d.Severity != want {
				t.Errorf("%s:%d: severity %s, want %s (%s)", r.Path, d.Range.Start.Line, d.Severity, want, d.Message)
			}
		}
	}
}

func containsSwallow(s string) bool {
	for i := 0; i+8 <= len(s); i++ {
		if s[i:i+8] == "swallows" {
			return true
		}
	}
	return false
}
