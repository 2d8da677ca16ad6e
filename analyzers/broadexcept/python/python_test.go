package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/broadexcept/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

// The test files' `# want` comments give each finding's level where it
// matters (error, warning, note).
func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}
