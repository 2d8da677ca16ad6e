package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/missingshutdown/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}
