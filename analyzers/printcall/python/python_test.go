package python_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/printcall"
	"github.com/xynergy/xylint/analyzers/printcall/python"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
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

// analyzeProject analyses files (path → source) as one project, with their
// module layout.
func analyzeProject(t *testing.T, files map[string]string) []lint.Diagnostic {
	t.Helper()
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	mods := modules.New(paths)
	var all []lint.Diagnostic
	var facts []*pyanalysis.FileFacts
	for _, p := range paths {
		cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Module: mods.Module(p)}
		res, ff := pyanalysis.Analyze(p, []byte(files[p]), cfg)
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		all = append(all, res.Diagnostics...)
		facts = append(facts, ff)
	}
	diags, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Modules: mods})
	if err != nil {
		t.Fatal(err)
	}
	return append(all, diags...)
}

// The program whose logging setup shows a print's INFO record: the files
// of the print's root (the directory its module name is relative to) and of
// the roots above it. A setup elsewhere — a sibling service, a migration's
// env.py — does not run in the service.
func TestInfoFixNeedsProgramSetup(t *testing.T) {
	route := "from flask import Flask\n\napp = Flask(__name__)\n\n\n@app.route(\"/\")\ndef index():\n    print(\"index called\")\n    return \"ok\"\n"
	setup := "import logging\n\nlogging.basicConfig(level=logging.INFO)\n"
	diags := analyzeProject(t, map[string]string{
		"svc/main.py":     route,
		"svc/logsetup.py": setup,
		// A sibling service's directory: its own program.
		"other/main.py": route,
		// Alembic's env.py configures the migration command's logging.
		"withdb/main.py":                route,
		"withdb/migrations/__init__.py": "",
		"withdb/migrations/env.py":      "from logging.config import fileConfig\n\nfileConfig('alembic.ini')\n",
		// A service's directory inside a tree whose top sets logging up.
		"platform/logconf.py":           setup,
		"platform/services/api/main.py": route,
	})
	want := map[string]bool{"svc/main.py": true, "other/main.py": false, "withdb/main.py": false, "platform/services/api/main.py": true}
	got := map[string]bool{}
	for _, d := range diags {
		if _, ok := want[d.Path]; !ok {
			t.Errorf("unexpected finding %v", d)
			continue
		}
		got[d.Path] = d.Fix != nil
	}
	for p, fix := range want {
		if g, ok := got[p]; !ok || g != fix {
			t.Errorf("%s: reported %v, fix %v; want reported with fix %v", p, ok, g, fix)
		}
	}
}

func TestIngredientNoFix(t *testing.T) {
	src, err := os.ReadFile("../testdata/python/nofix_ingredient.py")
	if err != nil {
		t.Fatal(err)
	}
	// An ingredient of generated samples is an example (its print the
	// sample's output): not reported by default.
	if d := analyze(t, "compute/ingredients/list.py", string(src), nil); len(d) != 0 {
		t.Errorf("default options: got %v, want none: a sample's ingredient is an example", d)
	}
	// Where examples' prints are reported, it is, without a fix: the tool
	// that assembles the samples owns the text.
	opts := printcall.NewOptions()
	opts.AllowInRoles = []string{"cli", "script", "test"}
	d := analyze(t, "compute/ingredients/list.py", string(src), opts)
	if len(d) != 1 || !strings.Contains(d[0].Message, "in an example") || d[0].Fix != nil {
		t.Errorf("examples' prints reported: got %v, want one finding in an example, without a fix", d)
	}
}

func TestProgramNoFix(t *testing.T) {
	src, err := os.ReadFile("../testdata/python/nofix_runs_itself.py")
	if err != nil {
		t.Fatal(err)
	}
	// Its top level calls its own function and nothing imports it: a
	// program, whose prints are its output.
	if d := analyze(t, "cleanup.py", string(src), nil); len(d) != 0 {
		t.Errorf("default options: got %v, want none: a program's output", d)
	}
	opts := printcall.NewOptions()
	opts.AllowInRoles = []string{"script", "test", "example"}
	d := analyze(t, "cleanup.py", string(src), opts)
	if len(d) != 1 || !strings.Contains(d[0].Message, "in a command-line program") || d[0].Fix != nil {
		t.Errorf("programs' prints reported: got %v, want one finding in a command-line program, without a fix", d)
	}
}
