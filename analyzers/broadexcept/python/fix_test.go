package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/broadexcept/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestFixes(t *testing.T) {
	_, goldens := pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
	if len(goldens) == 0 {
		t.Fatal("no fixed files")
	}
	pyanalysistest.Compile(t, t.TempDir(), goldens)
}
