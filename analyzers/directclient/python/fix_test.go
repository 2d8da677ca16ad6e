package python_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/analyzers/directclient/python"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
	"github.com/xynergy/xylint/internal/python/pyedit"
)

// The goldens: every file of testdata/python fixed with all fixes (as
// `xylint fix --unsafe-fixes`), idempotent, and compiled by python3.
func TestFixes(t *testing.T) {
	// The platform's shared package provides the getters the fix imports
	// (importable-modules = ["shared"]); without it the fixes are withheld
	// (cmd/xylint TestFixImportsMustResolve).
	_, goldens := pyanalysistest.RunWithFixes(t, "../testdata/python", python.Analyzer, nil, "shared")
	if len(goldens) < 10 {
		t.Fatalf("only %d fixed files", len(goldens))
	}
}

// The safety of each site's fix, by file:line ("none" for no fix).
func TestFixSafety(t *testing.T) {
	want := map[string]string{
		"fix_args.py:9":            "safe", // positional argument named
		"fix_args.py:13":           "safe", // kept as written, comment too
		"fix_args.py:19":           "none", // location= is not the getter's
		"fix_args.py:23":           "none", // **kw
		"fix_args.py:27":           "none", // timeout= dropped
		"fix_args.py:32":           "none", // base_url=
		"fix_close.py:7":           "safe",
		"fix_close.py:14":          "safe",
		"fix_close.py:22":          "safe",
		"fix_unsafe_uses.py:8":     "none", // stored in an attribute
		"fix_unsafe_uses.py:12":    "none", // returned
		"fix_unsafe_uses.py:16":    "none", // headers set
		"fix_unsafe_uses.py:22":    "none", // passed to a call
		"fix_with.py:6":            "safe",
		"fix_with.py:27":           "safe",
		"fix_with.py:43":           "none", // binds no name
		"fix_with.py:48":           "none", // body on the header's line
		"fix_noqa.py:11":           "safe",
		"cached.py:16":             "none", // a hand-made singleton
		"import_forms.py:38":       "none", // through an alias
		"fastapi_routes.py:32":     "safe",
		"fix_imports.py:11":        "safe", // bigquery still used: import kept
		"fix_imports_sorted.py:13": "safe",
	}
	got := map[string]string{}
	for file := range filesOf(want) {
		src, err := os.ReadFile(filepath.Join("../testdata/python", file))
		if err != nil {
			t.Fatal(err)
		}
		an, err := pyanalysistest.AnalyzeAlone(file, src, pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}})
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range an.Diagnostics {
			s := "none"
			if d.Fix != nil {
				s = fix.Safety(&d).String()
			}
			got[fmt.Sprintf("%s:%d", file, d.Range.Start.Line)] = s
		}
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: fix %q, want %q", k, got[k], w)
		}
	}
}

func filesOf(m map[string]string) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k[:strings.IndexByte(k, ':')]] = true
	}
	return out
}

func fixSrc(t *testing.T, src string, unsafe bool, opts *directclient.Options) string {
	t.Helper()
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{python.Analyzer}}
	if opts != nil {
		cfg.Options = func(*lint.Rule) any { return pyanalysistest.Compiled(t, python.Analyzer, opts) }
	}
	analyze := func(b []byte) (fix.Analysis, error) {
		return pyanalysistest.AnalyzeAlone("svc/m.py", b, cfg)
	}
	out, rep, err := fix.FixFile("svc/m.py", []byte(src), analyze, fix.Options{Unsafe: unsafe, SyntaxErrors: pyedit.SyntaxErrors})
	if err != nil || len(rep.Failed) > 0 {
		t.Fatalf("fix: %v %v", err, rep.Failed)
	}
	again, _, _ := fix.FixFile("svc/m.py", out, analyze, fix.Options{Unsafe: unsafe, SyntaxErrors: pyedit.SyntaxErrors})
	if string(again) != string(out) {
		t.Errorf("not idempotent:\n%s", fix.Diff("m.py", out, again))
	}
	pyanalysistest.Compile(t, t.TempDir(), map[string][]byte{"m.py": out})
	return string(out)
}

// A client that escapes (returned) gets no fix, even with --unsafe-fixes:
// code elsewhere may close or reconfigure what would be the shared client.
// The import it still needs stays.
func TestFixSafeOnly(t *testing.T) {
	src := "from google.cloud import bigquery\n\n\ndef a():\n    return bigquery.Client().query(\"q\")\n\n\ndef b():\n    return bigquery.Client()\n"
	want := "from google.cloud import bigquery\nfrom shared.gcp_clients import get_bigquery_client\n\n\ndef a():\n    return get_bigquery_client().query(\"q\")\n\n\ndef b():\n    return bigquery.Client()\n"
	if got := fixSrc(t, src, false, nil); got != want {
		t.Errorf("safe only: got\n%s\nwant\n%s", got, want)
	}
	if got := fixSrc(t, src, true, nil); got != want {
		t.Errorf("unsafe: got\n%s\nwant\n%s", got, want)
	}
}

// An async getter (`async = true`) is awaited, and only in async functions.
func TestFixAsyncGetter(t *testing.T) {
	opts := directclient.NewOptions()
	opts.ExtendClients = []directclient.Client{{Constructor: "aiohttp.ClientSession", Getter: "get_session", Module: "shared.http_client", Async: true}}
	if _, err := directclient.OptionsSpec.CompileValue(opts); err != nil {
		t.Fatal(err)
	}
	src := "import aiohttp\n\n\nasync def f(u):\n    async with aiohttp.ClientSession() as s:\n        return (await s.get(u)).status\n\n\nasync def g(u):\n    return await aiohttp.ClientSession().get(u)\n\n\ndef h():\n    return aiohttp.ClientSession()\n"
	want := "import aiohttp\nfrom shared.http_client import get_session\n\n\nasync def f(u):\n    s = await get_session()\n    return (await s.get(u)).status\n\n\nasync def g(u):\n    return await (await get_session()).get(u)\n\n\ndef h():\n    return aiohttp.ClientSession()\n"
	if got := fixSrc(t, src, true, opts); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestOptionsValidateFixFields(t *testing.T) {
	opts := directclient.NewOptions()
	opts.ExtendClients = []directclient.Client{
		{Constructor: "a.B", Getter: "get_b", Module: "shared.x", Positional: []string{"project"}},
		{Constructor: "a.C", Async: true},
	}
	_, err := directclient.OptionsSpec.CompileValue(opts)
	if err == nil || !strings.Contains(err.Error(), "must also be in args") || !strings.Contains(err.Error(), "set getter") {
		t.Errorf("Validate: %v", err)
	}
}
