package python_test

import (
	"testing"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/analyzers/printcall/python"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestFixes(t *testing.T) {
	pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil)
}

// A print over several lines (no comment inside, so no `# want` there):
// the arguments keep their text and layout, one per line.
func TestFixMultiLine(t *testing.T) {
	src := "import logging\n\nlog = logging.getLogger(__name__)\nlogging.basicConfig(level=logging.INFO)\n\n\ndef f(rows):\n    print(\n        \"rows\",\n        {\"a\": 1,\n         \"b\": 2},\n        len(rows),\n    )\n"
	want := "import logging\n\nlog = logging.getLogger(__name__)\nlogging.basicConfig(level=logging.INFO)\n\n\ndef f(rows):\n    log.info(\n        \"rows %s %s\",\n        {\"a\": 1,\n         \"b\": 2},\n        len(rows),\n    )\n"
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	out, rep := pyanalysistest.FixSource(t, "m.py", []byte(src), cfg)
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	if rep.Fixed(nil) != 1 {
		t.Errorf("fixed %d, want 1", rep.Fixed(nil))
	}
	pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{"m.py": out})
}

// The shared logger option: a module without a logger imports it.
func TestFixSharedLogger(t *testing.T) {
	opts := printcall.NewOptions()
	opts.LoggerImport = "shared.logging_config:logger"
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Options: func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }}
	src := "import os\nfrom shared.logging_config import configure\n\n\ndef f():\n    print(\"x\", os.sep)\n"
	want := "import os\nfrom shared.logging_config import configure, logger\n\n\ndef f():\n    logger.info(\"x %s\", os.sep)\n"
	out, _ := pyanalysistest.FixSource(t, "m.py", []byte(src), cfg)
	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	// A module with its own logger keeps using it (the module sets logging
	// up: an INFO record of a logger that is not the shared one is shown
	// only then).
	src = "import logging\n\nLOGGER = logging.getLogger(__name__)\nlogging.basicConfig(level=logging.INFO)\n\n\ndef f():\n    print(\"x\")\n"
	out, _ = pyanalysistest.FixSource(t, "m.py", []byte(src), cfg)
	if want := "import logging\n\nLOGGER = logging.getLogger(__name__)\nlogging.basicConfig(level=logging.INFO)\n\n\ndef f():\n    LOGGER.info(\"x\")\n"; string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
	opts.LoggerImport = "not a module"
	if _, err := printcall.OptionsSpec.CompileValue(opts); err == nil {
		t.Error("a bad logger-import: want an error")
	}
}
