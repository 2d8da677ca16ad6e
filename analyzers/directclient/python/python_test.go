package python_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"

	"github.com/xynergy/xylint/analyzers/directclient/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

// Each site's Kind (the --statistics and JSON field) matches its message:
// a service's own validators.py, relative imports, re-exports.
func TestProjectKinds(t *testing.T) {
	diags := analyzeDir(t, "../testdata/python/platform")
	got := map[string]string{}
	for _, d := range diags {
		got[fmt.Sprintf("%s:%d", d.Path, d.Range.Start.Line)] = d.Kind
	}
	for site, kind := range map[string]string{
		"svc-a/validators.py:5":      directclient.KindPerRequest,
		"svc-a/routers/helpers.py:5": directclient.KindPerRequest,
		"svc-a/deps.py:6":            directclient.KindPerRequest,
		"svc-a/jobs.py:5":            directclient.KindPerCall,
		"other/validators.py:6":      directclient.KindPerCall,
		"svc_b/clients.py:5":         directclient.KindPerRequest,
		"svc_b/api/util.py:5":        directclient.KindPerRequest,
	} {
		if got[site] != kind {
			t.Errorf("%s: kind %q, want %q", site, got[site], kind)
		}
	}
	if len(got) != 7 {
		t.Errorf("got %d findings, want 7: %v", len(got), got)
	}
}

// The prefilter follows the table: a file is read when it names one of the
// table's packages (also one a configuration adds) or a request marker.
func TestPrefilterFollowsTheTable(t *testing.T) {
	src := "import mycorp.search as s\nc = s.SearchClient()\nbroken = (\n"
	analyze := func(opts *directclient.Options) int {
		cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
		if opts != nil {
			cfg.Options = func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }
		}
		res, ff := pyanalysis.Analyze("svc/x.py", []byte(src), cfg)
		diags, _ := pyanalysis.RunProject([]*pyanalysis.FileFacts{ff}, pyanalysis.ProjectConfig{Analyzers: cfg.Analyzers,
			Modules: modules.New([]string{"svc/x.py"}), Options: func(string, *lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }})
		return len(res.Diagnostics) + len(diags) // XY000 for the parsed file, XY003 for the site
	}
	if n := analyze(nil); n != 0 {
		t.Errorf("default table: the file names no client package and was analysed (%d findings)", n)
	}
	opts := directclient.NewOptions()
	opts.ExtendClients = []directclient.Client{{Constructor: "mycorp.search.SearchClient"}}
	if n := analyze(opts); n != 2 {
		t.Errorf("with mycorp.search.SearchClient in the table: %d findings, want the syntax error and the site", n)
	}
}

// analyzeDir analyses the .py files under root as one project, with their
// module layout and the rule's default options, and returns the project
// phase's findings.
func analyzeDir(t *testing.T, root string) []lint.Diagnostic {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") {
			rel, _ := filepath.Rel(root, p)
			paths = append(paths, filepath.ToSlash(rel))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	mods := modules.New(paths)
	var facts []*pyanalysis.FileFacts
	for _, rel := range paths {
		src, err := os.ReadFile(filepath.Join(root, rel))
		if err != nil {
			t.Fatal(err)
		}
		_, ff := pyanalysis.Analyze(rel, src, pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Module: mods.Module(rel)})
		facts = append(facts, ff)
	}
	diags, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Modules: mods})
	if err != nil {
		t.Fatal(err)
	}
	return diags
}

// A module whose tests patch the client's constructor (mock.patch,
// mocker.patch, patch.object, monkeypatch.setattr, or an assignment
// `mod.firestore.Client = Fake` in a test that says neither; tests/ is excluded from
// the rule and read for that only) gets no fix, and the finding says why;
// a module no test of its program patches keeps its fix (another sample's
// test patching the same library class does not count).
func TestNoFixWhereTestsPatchTheConstructor(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/patched", python.Analyzer) // the messages
	fixes := map[string]bool{}
	for _, d := range analyzeDir(t, "../testdata/patched/proj") {
		fixes[d.Path] = d.Fix != nil
	}
	want := map[string]bool{"svc/app/reports.py": false, "svc/app/uploads.py": false, "svc/app/events.py": false, "svc/app/secrets.py": false, "svc/app/jobs.py": true, "sample_b/main.py": false,
		"svc/app/stores.py": false, "svc/app/cache.py": false}
	for p, fix := range want {
		if got, ok := fixes[p]; !ok || got != fix {
			t.Errorf("%s: reported %v, with a fix %v; want a fix %v", p, ok, got, fix)
		}
	}
}

// A client built on its own transport gets no fix even when the table's
// getter takes `transport` (a table that lists it would otherwise let the
// guard go): the shared client would not carry it. Without a transport the
// same entry fixes the call.
func TestNoFixOnOwnTransport(t *testing.T) {
	src := "import httpx\nimport safehttp\n\n\nasync def fetch(url):\n" +
		"    client = httpx.AsyncClient(transport=safehttp.AsyncSafeTransport())\n    return await client.get(url)\n\n\n" +
		"async def plain(url):\n    client = httpx.AsyncClient()\n    return await client.get(url)\n"
	opts := directclient.NewOptions()
	opts.ExtendClients = []directclient.Client{{Constructor: "httpx.AsyncClient", Getter: "get_http_client", Module: "shared.http_client", Args: []string{"transport"}}}
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}, Module: "svc.x",
		Options: func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }}
	_, ff := pyanalysis.Analyze("svc/x.py", []byte(src), cfg)
	diags, err := pyanalysis.RunProject([]*pyanalysis.FileFacts{ff}, pyanalysis.ProjectConfig{Analyzers: cfg.Analyzers,
		Modules: modules.New([]string{"svc/x.py"}), Options: func(string, *lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }})
	if err != nil {
		t.Fatal(err)
	}
	fixes := map[int]bool{}
	for _, d := range diags {
		fixes[d.Range.Start.Line] = d.Fix != nil
		if d.Range.Start.Line == 6 && (d.Severity != lint.Note || !strings.Contains(d.Message, "own transport")) {
			t.Errorf("line 6: %v %q, want a note about its own transport", d.Severity, d.Message)
		}
	}
	if len(fixes) != 2 || fixes[6] || !fixes[11] {
		t.Errorf("fixes by line %v, want line 6 without a fix and line 11 with one", fixes)
	}
}
