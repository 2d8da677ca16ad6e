package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/broadexcept/python"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}

// A PEP 758 list is narrowed in place, as a tuple's broad member is. The
// result is Python 3.14 (python3 here may be older, so it is checked by
// re-parsing, not compiled).
func TestNarrowPEP758List(t *testing.T) {
	src := "import json\n\n\ndef parse(body):\n    try:\n        return json.loads(body)\n    except ValueError, Exception:\n        return None\n"
	want := "import json\n\n\ndef parse(body):\n    try:\n        return json.loads(body)\n    except ValueError, json.JSONDecodeError:\n        return None\n"
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	out, rep := pyanalysistest.FixSource(t, "parse.py", []byte(src), cfg)
	if string(out) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", out, want)
	}
	if len(rep.Failed) > 0 {
		t.Errorf("fix failed: %+v", rep.Failed)
	}
}
