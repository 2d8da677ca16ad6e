package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/broadexcept/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}
