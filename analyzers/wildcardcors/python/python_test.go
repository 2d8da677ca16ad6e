package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/analyzers/wildcardcors/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

func TestMiddlewareOption(t *testing.T) {
	opts := &wildcardcors.Options{Middleware: []string{"shared.cors.PlatformCORSMiddleware"}}
	pyanalysistest.RunWithOptions(t, "../testdata/python-options", python.Analyzer, opts)
}
