package e2e

import (
	"context"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/testutil/linediff"
)

// checkIn runs `xylint check paths...` in process in the directory dir,
// as the command line does (the shipped rules and producers, every
// language).
func checkIn(t *testing.T, dir string, ov config.Overrides, opts driver.Options, paths ...string) *driver.Result {
	t.Helper()
	t.Chdir(dir)
	ts := toolset.Default()
	opts.Paths, opts.Registry, opts.Overrides, opts.Producers = paths, ts.Registry, ov, ts.Producers()
	res, err := driver.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// findingsOf are a run's findings as comparable strings: path, rule,
// range, level, message and fix.
func findingsOf(t *testing.T, ds []lint.Diagnostic) []string {
	t.Helper()
	var out []string
	for _, d := range ds {
		b, err := json.Marshal(struct {
			Path, Code, Message, Severity string
			Range                         lint.Range
			Fix                           *lint.Fix
		}{d.Path, d.Rule.Code, d.Message, d.Severity.String(), d.Range, d.Fix})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// under reports whether the slash path p is dir or below it.
func under(p, dir string) bool {
	return dir == "." || p == dir || strings.HasPrefix(p, dir+"/")
}

// TestPartialRunsKeepProjectContext is the invariant of partial runs: for
// every file and directory of the sample platform, `xylint check P`
// reports exactly what `xylint check .` reports in P, with a warm cache as
// without — the cross-file rules see the whole project whatever is named —
// and the same holds from a working directory inside the project (paths
// shown relative to it).
func TestPartialRunsKeepProjectContext(t *testing.T) {
	platform := filepath.Join(repoRoot(t), "testdata", "platform")
	full := checkIn(t, platform, config.Overrides{}, driver.Options{}, ".")
	all := findingsOf(t, full.Diagnostics)
	if len(all) < 50 {
		t.Fatalf("the full run found %d findings: the sample platform was not checked", len(all))
	}

	var paths []string
	err := filepath.WalkDir(platform, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(platform, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == ".":
			return nil
		case d.IsDir():
			paths = append(paths, rel)
		case strings.HasSuffix(rel, ".py") || strings.HasSuffix(rel, ".go") && !strings.HasSuffix(rel, "_test.go"):
			paths = append(paths, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	withFindings, excluded := 0, 0
	// Each path is checked without a cache and with one the full run
	// filled (the pre-commit case: the context comes from the cache).
	cached := driver.Options{Cache: &driver.CacheOptions{Dir: filepath.Join(t.TempDir(), "cache")}}
	checkIn(t, platform, config.Overrides{}, cached, ".")
	for _, p := range paths {
		res := checkIn(t, platform, config.Overrides{}, driver.Options{}, p)
		if warm := checkIn(t, platform, config.Overrides{}, cached, p); !slices.Equal(findingsOf(t, warm.Diagnostics), findingsOf(t, res.Diagnostics)) {
			t.Errorf("check %s with the cache: %s", p, linediff.First(findingsOf(t, warm.Diagnostics), findingsOf(t, res.Diagnostics)))
		}
		if !slices.ContainsFunc(full.Files, func(f *lint.FileResult) bool { return under(f.Path, p) }) {
			// Excluded or ignored (build/, migrations/): the full run
			// leaves it out, a path named explicitly is checked, as in
			// Ruff.
			if len(res.Files) == 0 && !strings.HasPrefix(p, "templates") {
				t.Errorf("check %s: nothing checked", p)
			}
			excluded++
			continue
		}
		var want []lint.Diagnostic
		for _, d := range full.Diagnostics {
			if under(d.Path, p) {
				want = append(want, d)
			}
		}
		got := findingsOf(t, res.Diagnostics)
		if w := findingsOf(t, want); !slices.Equal(got, w) {
			t.Errorf("check %s: %d findings, the full run has %d there\n%s", p, len(got), len(w), linediff.First(got, w))
		}
		if len(want) > 0 {
			withFindings++
		}
		for _, f := range res.Files {
			if !under(f.Path, p) {
				t.Errorf("check %s reports on %s", p, f.Path)
			}
		}
	}
	if withFindings < 20 || excluded > 10 {
		t.Errorf("%d of the %d paths have findings, %d are excluded", withFindings, len(paths), excluded)
	}

	// From inside the project: paths are shown relative to the working
	// directory, the findings are the same.
	svc := filepath.Join(platform, "content-hub")
	res := checkIn(t, svc, config.Overrides{}, driver.Options{}, "main.py")
	var want []lint.Diagnostic
	for _, d := range full.Diagnostics {
		if d.Path == "content-hub/main.py" {
			d.Path = "main.py"
			want = append(want, d)
		}
	}
	if got, w := findingsOf(t, res.Diagnostics), findingsOf(t, want); len(w) == 0 || !slices.Equal(got, w) {
		t.Errorf("check main.py in content-hub/: %d findings, want %d\n%s", len(got), len(w), linediff.First(got, w))
	}
	if res.RelPath("main.py") != "content-hub/main.py" || res.Root() != platform {
		t.Errorf("root %s, main.py relative to it %s", res.Root(), res.RelPath("main.py"))
	}
}

// TestProjectRoot: the root is the nearest directory with a configuration
// or a .git, else with a Python or Go project file, else the working
// directory unless it is no project (home, temporary directory), else the
// paths' own directory; --project-root overrides it and must hold the paths.
func TestProjectRoot(t *testing.T) {
	root := t.TempDir()
	for name, content := range map[string]string{
		"repo/.git/HEAD":            "ref: refs/heads/main\n",
		"repo/svc/app.py":           "print(1)\n",
		"repo/lib/xylint.toml":      "select = [\"XY005\"]\n",
		"repo/lib/pkg/mod.py":       "print(2)\n",
		"repo/tool/pyproject.toml":  "[project]\nname = \"tool\"\n",
		"repo/tool/cli.py":          "print(3)\n",
		"loose/a/b.py":              "print(4)\n",
		"pyproj/pyproject.toml":     "[project]\nname = \"p\"\n",
		"pyproj/pkg/m.py":           "print(6)\n",
		"gomod/go.mod":              "module example.com/m\n",
		"gomod/cmd/main.go":         "package main\n",
		"repo/other/pyproject.toml": "[tool.xylint]\nignore = [\"XY004\"]\n",
		"repo/other/x.py":           "print(5)\n",
	} {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	for _, tc := range []struct {
		paths []string
		cwd   string
		want  string
	}{
		{[]string{"repo/svc/app.py"}, "", "repo"},
		{[]string{"repo/lib/pkg/mod.py"}, "", "repo/lib"},
		{[]string{"repo/tool/cli.py"}, "", "repo"}, // a pyproject.toml without [tool.xylint] is not xylint's
		{[]string{"repo/other/x.py"}, "", "repo/other"},
		{[]string{"repo/lib/pkg/mod.py", "repo/svc/app.py"}, "", "repo"},
		{[]string{"pyproj/pkg/m.py"}, ".", "pyproj"}, // no .git, no configuration: the Python project's root
		{[]string{"gomod/cmd/main.go"}, ".", "gomod"},
		{[]string{"loose/a/b.py"}, "loose", "loose"},  // nothing above: the working directory
		{[]string{"loose/a/b.py"}, "repo", "loose/a"}, // nor there: the paths' own directory
		// A working directory that is no project is not walked.
		{[]string{"loose/a/b.py"}, "HOME", "loose/a"},
		{[]string{"loose/a/b.py"}, "TMP", "loose/a"},
	} {
		abs := make([]string, len(tc.paths))
		for i, p := range tc.paths {
			abs[i] = j(p)
		}
		cwd := j("repo/svc")
		switch tc.cwd {
		case "":
		case "HOME":
			cwd = root
			t.Setenv("HOME", root)
		case "TMP":
			cwd = root
			t.Setenv("TMPDIR", root)
		default:
			cwd = j(tc.cwd)
		}
		if got := driver.FindProjectRoot(abs, cwd); got != j(tc.want) {
			t.Errorf("FindProjectRoot(%v) in %s = %s, want %s", tc.paths, tc.cwd, got, j(tc.want))
		}
	}

	t.Chdir(j("repo"))
	ts := toolset.Default()
	run := func(rootFlag string, paths ...string) (*driver.Result, error) {
		return driver.Run(context.Background(), driver.Options{Paths: paths, Registry: ts.Registry, Producers: ts.Producers(), ProjectRoot: rootFlag})
	}
	if _, err := run("lib", "svc/app.py"); err == nil || !strings.Contains(err.Error(), "outside the project root lib") {
		t.Errorf("a path outside --project-root: %v", err)
	}
	if _, err := run("nowhere", "svc/app.py"); err == nil || !strings.Contains(err.Error(), "--project-root nowhere") {
		t.Errorf("a --project-root that does not exist: %v", err)
	}
	res, err := run("svc", "svc/app.py")
	if err != nil || res.Root() != j("repo/svc") || res.RelPath("svc/app.py") != "app.py" || len(res.Diagnostics) != 1 {
		t.Errorf("--project-root svc: root %s, err %v, %d findings", res.Root(), err, len(res.Diagnostics))
	}
}

// TestPartialRunsOnRealCode checks the invariant of partial runs on a
// checkout of real code, $XYLINT_CONTEXT_CORPUS (Netflix/dispatch, say):
// a sample of its files and directories, each checked on its own with the
// working directory at the checkout, against the full run.
func TestPartialRunsOnRealCode(t *testing.T) {
	dir := os.Getenv("XYLINT_CONTEXT_CORPUS")
	if dir == "" {
		t.Skip("set XYLINT_CONTEXT_CORPUS to a checkout of Python services to check the invariant on real code")
	}
	full := checkIn(t, dir, config.Overrides{}, driver.Options{}, ".")
	var paths []string
	byDir := map[string]bool{}
	for i, f := range full.Files {
		if i%40 == 0 || slices.ContainsFunc(full.Diagnostics, func(d lint.Diagnostic) bool { return d.Path == f.Path }) && i%4 == 0 {
			paths = append(paths, f.Path)
			if d := filepath.ToSlash(filepath.Dir(f.Path)); !byDir[d] && len(byDir) < 15 {
				byDir[d] = true
				paths = append(paths, d)
			}
		}
	}
	checked := 0
	for _, p := range paths {
		res := checkIn(t, dir, config.Overrides{}, driver.Options{}, p)
		var want []lint.Diagnostic
		for _, d := range full.Diagnostics {
			if under(d.Path, p) {
				want = append(want, d)
			}
		}
		got, w := findingsOf(t, res.Diagnostics), findingsOf(t, want)
		if !slices.Equal(got, w) {
			t.Errorf("check %s: %d findings, the full run has %d there\n%s", p, len(got), len(w), linediff.First(got, w))
		}
		checked += len(w)
	}
	t.Logf("%d paths, %d findings compared (the full run: %d files, %d findings)", len(paths), checked, len(full.Files), len(full.Diagnostics))
}

// TestFixWritesOnlyUnderItsPaths: `xylint fix P` analyses the whole
// project (the shared package's auth dependency makes XY002's fix
// possible) and writes only files under P; fixing every service one at a
// time leaves the same tree as fixing the platform at once.
func TestFixWritesOnlyUnderItsPaths(t *testing.T) {
	bin := xylintBinary(t)
	one, all := platformCopy(t), platformCopy(t)
	before := snapshot(t, one)
	if _, stderr, code := runXylint(t, bin, one, "fix", "--unsafe-fixes", "marketing-engine"); code > 1 {
		t.Fatalf("fix marketing-engine: exit %d\n%s", code, stderr)
	}
	after := snapshot(t, one)
	changed := 0
	for p, content := range after {
		if content != before[p] {
			changed++
			if !under(p, "marketing-engine") {
				t.Errorf("fix marketing-engine wrote %s", p)
			}
		}
	}
	if changed == 0 {
		t.Fatal("fix marketing-engine changed nothing")
	}

	// Service by service, then what is left, against the whole platform.
	var services []string
	entries, _ := os.ReadDir(one)
	for _, e := range entries {
		// build/ is excluded (named, it would be fixed); templates/ holds
		// nothing xylint reads.
		if e.IsDir() && !slices.Contains([]string{"marketing-engine", "build", "templates", ".xylint_cache"}, e.Name()) {
			services = append(services, e.Name())
		}
	}
	for _, s := range services {
		if _, stderr, code := runXylint(t, bin, one, "fix", "--unsafe-fixes", s); code > 1 {
			t.Fatalf("fix %s: exit %d\n%s", s, code, stderr)
		}
	}
	if _, stderr, code := runXylint(t, bin, all, "fix", "--unsafe-fixes", "."); code > 1 {
		t.Fatalf("fix .: exit %d\n%s", code, stderr)
	}
	a, b := snapshot(t, one), snapshot(t, all)
	for p := range b {
		if a[p] != b[p] {
			t.Errorf("%s: fixed service by service differs from fixed at once", p)
		}
	}
}

// snapshot is the content of every file under dir, by slash path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && d.Name() == ".xylint_cache" {
			return filepath.SkipDir // the cache (gitignored), not the project's files
		}
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
