package missingshutdown_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/missingshutdown"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), missingshutdown.Analyzer,
		"plain", "ifform", "bare", "graceful", "crossgood", "crossbad", "interruptonly", "ginapp")
}

// The server package's functions carry facts that main packages read.
func TestFacts(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), missingshutdown.Analyzer, "example.com/server")
}
