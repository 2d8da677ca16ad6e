package wildcardcors_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), wildcardcors.Analyzer, "headers", "libs")
}

// Credentials raise the severity: the Category says so for the drivers.
func TestSeverityInCategory(t *testing.T) {
	res := analysistest.Run(t, analysistest.TestData(), wildcardcors.Analyzer, "headers")
	var errors, warnings int
	for _, r := range res {
		for _, d := range r.Diagnostics {
			code, sev, ok := goanalysis.ParseCategory(d.Category)
			if code != "XY001" {
				t.Errorf("category %q", d.Category)
			}
			if !ok {
				sev = wildcardcors.Rule.Severity
			}
			switch sev {
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
