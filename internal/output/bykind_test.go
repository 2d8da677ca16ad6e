package output

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

func TestServices(t *testing.T) {
	for _, c := range []struct {
		paths []string
		want  []string // the service of each path
	}{
		// The platform run from its parent: services are the top directories.
		{[]string{"testdata/platform/marketing-engine/main.py", "testdata/platform/marketing-engine/routers/a.py", "testdata/platform/shared/auth.py"},
			[]string{"marketing-engine", "marketing-engine", "shared"}},
		// Absolute paths, a file directly in the root.
		{[]string{"/w/p/a/x.py", "/w/p/b/c/y.py", "/w/p/noxfile.py"}, []string{"a", "b", "."}},
		// Grouping directories name the service below them.
		{[]string{"demo/src/emailservice/email_server.py", "demo/src/recommendationservice/r.py", "demo/hack/gen.py"},
			[]string{"src/emailservice", "src/recommendationservice", "hack"}},
		{[]string{"src/emailservice/email_server.py", "src/loadgenerator/locustfile.py"}, []string{"emailservice", "loadgenerator"}},
		// A run over one service: its root holds main.py.
		{[]string{"marketing-engine/main.py", "marketing-engine/routers/a.py"}, []string{"marketing-engine", "marketing-engine"}},
		{[]string{"main.py", "routers/a.py"}, []string{".", "."}},
	} {
		service := Services(c.paths)
		for i, p := range c.paths {
			if got := service(p); got != c.want[i] {
				t.Errorf("%v: service(%s) = %q, want %q", c.paths, p, got, c.want[i])
			}
		}
	}
}

func TestStatisticsByServiceAndKind(t *testing.T) {
	direct := &lint.Rule{Code: "XY003", Name: "direct-client", Kinds: []string{"per-request", "per-call", "module-level", "cached"}}
	res := &driver.Result{Registry: &config.Registry{Rules: []*lint.Rule{direct, printCall}}}
	for _, p := range []string{"p/a/main.py", "p/a/x.py", "p/b/main.py", "p/c/main.py"} {
		res.Files = append(res.Files, &lint.FileResult{Path: p, Language: lint.Python})
	}
	add := func(r *lint.Rule, path, kind string) {
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Rule: r, Path: path, Kind: kind, Language: lint.Python})
	}
	add(direct, "p/a/main.py", "per-request")
	add(direct, "p/a/x.py", "per-request")
	add(direct, "p/a/x.py", "cached")
	add(direct, "p/b/main.py", "module-level")
	add(direct, "p/b/main.go", "")
	add(printCall, "p/c/main.py", "")

	var b bytes.Buffer
	if err := Write(&b, res, Options{Format: "text", Statistics: true}); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"     5  XY003  direct-client           5 warnings\n" +
		"     1  XY005  print-call              1 warning\n" +
		"\n" +
		"XY003 direct-client by service and kind:\n" +
		"  service  per-request  per-call  module-level  cached  unclassified  total\n" +
		"  a                  2         0             0       1             0      3\n" +
		"  b                  0         0             1       0             1      2\n" +
		"  total              2         0             1       1             1      5\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}

	b.Reset()
	if err := Write(&b, res, Options{Format: "json", Statistics: true}); err != nil {
		t.Fatal(err)
	}
	var stats []RuleCount
	if err := json.Unmarshal(b.Bytes(), &stats); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(stats[0].ByServiceKind)
	if want := "[{a per-request 2} {a cached 1} {b module-level 1} {b unclassified 1}]"; got != want {
		t.Errorf("by_service_kind = %s, want %s", got, want)
	}
	if stats[1].ByServiceKind != nil {
		t.Errorf("print-call has no kinds, got %v", stats[1].ByServiceKind)
	}
}
