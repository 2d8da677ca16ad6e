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
	"github.com/xynergy/xylint/internal/python/pyanalysis"

	"github.com/xynergy/xylint/analyzers/directclient/python"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

func TestAnalyzer(t *testing.T) {
	pyanalysistest.Run(t, "../testdata/python", python.Analyzer)
}

// Without a module index (callers that give none), references are resolved
// by path: a service's own validators.py, relative imports, re-exports.
func TestProjectWithoutModuleIndex(t *testing.T) {
	root := "../testdata/python/platform"
	var facts []*pyanalysis.FileFacts
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		_, ff := pyanalysis.Analyze(filepath.ToSlash(rel), src, pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}})
		facts = append(facts, ff)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	diags, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}})
	if err != nil {
		t.Fatal(err)
	}
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
			cfg.Options = func(*lint.Rule) any { return opts }
		}
		res, ff := pyanalysis.Analyze("svc/x.py", []byte(src), cfg)
		diags, _ := pyanalysis.RunProject([]*pyanalysis.FileFacts{ff}, pyanalysis.ProjectConfig{Analyzers: cfg.Analyzers,
			Options: func(string, *lint.Rule) any { return opts }})
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
