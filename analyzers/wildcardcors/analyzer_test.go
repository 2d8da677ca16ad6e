package wildcardcors_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wildcardcors.Analyzer, "headers", "libs")
}

// Credentials raise the level: the message says so for the drivers.
func TestLevelInMessage(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), wildcardcors.Analyzer, "headers")
	var errors, warnings int
	for _, r := range res {
		for _, f := range goanalysis.ResultFindings(r.Result) {
			d := f.Diagnostic
			if f.Rule.Code != "XY001" || d.Category != "XY001" || !strings.HasPrefix(d.Message, f.Severity.String()+": XY001 wildcard-cors: ") {
				t.Errorf("category %q, message %q", d.Category, d.Message)
			}
			switch f.Severity {
			case lint.Error:
				errors++
			case lint.Warning:
				warnings++
			}
		}
	}
	if errors != 1 || warnings != 3 {
		t.Errorf("got %d errors, %d warnings; want 1 error (credentials), 3 warnings", errors, warnings)
	}
}
