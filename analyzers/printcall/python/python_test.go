package python_test

import (
	"os"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/analyzers/printcall/python"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

func analyze(t *testing.T, path, src string, opts *printcall.Options) []lint.Diagnostic {
	t.Helper()
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	if opts != nil {
		cfg.Options = func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }
	}
	res, ff := pyanalysis.Analyze(path, []byte(src), cfg)
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	pcfg := pyanalysis.ProjectConfig{Analyzers: cfg.Analyzers}
	if cfg.Options != nil {
		pcfg.Options = func(_ string, r *lint.Rule) any { return cfg.Options(r) }
	}
	diags, err := pyanalysis.RunProject([]*pyanalysis.FileFacts{ff}, pcfg)
	if err != nil {
		t.Fatal(err)
	}
	return append(res.Diagnostics, diags...)
}

func TestAllowInMainOff(t *testing.T) {
	src := "if __name__ == '__main__':\n    print('cli')\n"
	if d := analyze(t, "cli.py", src, nil); len(d) != 0 {
		t.Errorf("default options: got %v, want no finding under __main__", d)
	}
	opts := printcall.NewOptions()
	opts.AllowInMain = false
	if d := analyze(t, "cli.py", src, opts); len(d) != 0 {
		t.Errorf("allow-in-main = false: got %v, want none: the main block is a command-line program's (allow-in-roles)", d)
	}
	opts.AllowInRoles = []string{"script"}
	d := analyze(t, "cli.py", src, opts)
	if len(d) != 1 || d[0].Range.Start.Line != 2 || !strings.Contains(d[0].Message, "in a command-line program") {
		t.Errorf("allow-in-main = false, allow-in-roles without cli: got %v, want one finding on line 2", d)
	}
}

func TestExclude(t *testing.T) {
	src := "print('x')\n"
	defaults := printcall.NewOptions()
	for path, excluded := range map[string]bool{
		"test_app.py":             true,
		"svc/tests/helpers.py":    true,
		"svc/app_test.py":         true,
		"svc/conftest.py":         true,
		"svc/app.py":              false,
		"svc/testing.py":          false,
		"svc/contest.py":          false,
		"svc/tests_data/other.py": false,
		"tests.py":                false, // "tests/" names a directory
	} {
		got := len(analyze(t, path, src, defaults)) == 0
		if got != excluded {
			t.Errorf("%s: excluded = %v, want %v", path, got, excluded)
		}
	}
	// Without allow-in-roles, so that only exclude decides (tools/ is a
	// script's directory).
	custom := &printcall.Options{Exclude: []string{"scripts/**/*.py", "tools/gen_*.py"}, AllowInMain: true}
	for path, excluded := range map[string]bool{
		"scripts/run.py":          true,
		"svc/scripts/a/b/run.py":  true,
		"tools/gen_client.py":     true,
		"svc/tools/gen_client.py": true,
		"tools/client.py":         false,
		"test_app.py":             false, // the defaults are replaced, not extended
		"scriptsx/run.py":         false,
	} {
		got := len(analyze(t, path, src, custom)) == 0
		if got != excluded {
			t.Errorf("custom %s: excluded = %v, want %v", path, got, excluded)
		}
	}
}

func TestDiagnosticRange(t *testing.T) {
	// Columns count code points: "é" is two bytes, one column.
	d := analyze(t, "app.py", "x = 'é'; print(x)\n", nil)
	if len(d) != 1 {
		t.Fatalf("got %v", d)
	}
	r := d[0].Range
	if r.Start.Line != 1 || r.Start.Column != 10 || r.Start.Offset != 10 || r.End.Offset != 18 {
		t.Errorf("range = %+v, want line 1 column 10, bytes [10,18)", r)
	}
	if d[0].Severity != lint.Warning || d[0].Language != lint.Python || d[0].Path != "app.py" || !strings.Contains(d[0].Message, "print") {
		t.Errorf("diagnostic = %+v", d[0])
	}
}

func TestMigration(t *testing.T) {
	src, err := os.ReadFile("../testdata/python/nofix_migration.py")
	if err != nil {
		t.Fatal(err)
	}
	// Anywhere, not only under migrations/: the revision globals say it.
	if d := analyze(t, "db/revisions/versions/748744207122.py", string(src), nil); len(d) != 0 {
		t.Errorf("default options: got %v, want none: an Alembic revision is a script", d)
	}
	opts := printcall.NewOptions()
	opts.AllowInRoles = []string{"cli", "test", "example"}
	d := analyze(t, "db/revisions/versions/748744207122.py", string(src), opts)
	if len(d) != 1 || !strings.Contains(d[0].Message, "script") || d[0].Fix != nil {
		t.Errorf("scripts' prints reported: got %v, want one finding in a script, without a fix", d)
	}
}
