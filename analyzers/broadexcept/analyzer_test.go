package broadexcept_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/broadexcept"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), broadexcept.Analyzer, "swallow")
}
