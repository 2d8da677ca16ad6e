package printcall_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/printcall"
)

func TestAnalyzer(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), printcall.Analyzer, "lib", "onlyfmt", "lone", "nofmt", "server", "logruslog", "snippet", "testsupport", "errpath", "docsample")
}
