package ruleopts

import (
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/walk"
)

// MatchGlobs compiles globs and matches p, as a rule's options do.
func MatchGlobs(globs []string, p string) bool { return CompileGlobs(globs).Match(p) }

func TestMatchGlobs(t *testing.T) {
	for _, c := range []struct {
		globs []string
		path  string
		want  bool
	}{
		{TestFiles, "test_app.py", true},
		{TestFiles, "svc/tests/helpers.py", true},
		{TestFiles, "svc/app_test.py", true},
		{TestFiles, `svc\conftest.py`, true},
		{TestFiles, "svc/tests_data/other.py", false},
		{TestFiles, "tests.py", false}, // "tests/" names a directory
		{[]string{"shared/gcp_clients.py"}, "services/shared/gcp_clients.py", true},
		{[]string{"shared/gcp_clients.py"}, "services/shared/gcp_clients.pyi", false},
		{[]string{"scripts/**/*.py"}, "svc/scripts/a/b/run.py", true},
		{[]string{"scripts/**/*.py"}, "scriptsx/run.py", false},
		{[]string{"gen/"}, "svc/gen/a/b.py", true},
		{[]string{"!tests/"}, "tests/a.py", false},
		{nil, "a.py", false},
		{TestFiles, "svc/test_.py", true},
		{[]string{"gen/"}, "svc/gen", false}, // a file named gen
		{[]string{"/conftest.py"}, "svc/conftest.py", true},
		{[]string{"a?c.py"}, "x/abc.py", true},
		{[]string{"a?c.py"}, "x/ac.py", false},
		{[]string{"ab*ba"}, "x/aba", false},
		{[]string{"ab*ba"}, "x/abba", true},
		{[]string{"[!t]*.py"}, "x/a.py", true},
		{[]string{"[!t]*.py"}, "x/t.py", false},
		{[]string{`\*.py`}, "x/*.py", true},
		{[]string{`\*.py`}, "x/a.py", false},
	} {
		if got := MatchGlobs(c.globs, c.path); got != c.want {
			t.Errorf("MatchGlobs(%q, %s) = %v, want %v", c.globs, c.path, got, c.want)
		}
	}
}

// A deep path matches without the element buffer's limit.
func TestGlobsDeepPath(t *testing.T) {
	deep := strings.Repeat("d/", 100) + "gen/x/a.py"
	if !MatchGlobs([]string{"gen/x/*.py"}, deep) || MatchGlobs([]string{"gen/y/*.py"}, deep) {
		t.Error("deep path")
	}
}

func TestCheckLoggerImport(t *testing.T) {
	for s, ok := range map[string]bool{
		"":                                true,
		"shared.logging_config:logger":    true,
		"shared.logging_config":           false,
		":logger":                         false,
		".rel:logger":                     false,
		"shared/logging_config.py:logger": false,
		"a b:c":                           false,
	} {
		if err := CheckLoggerImport(s); (err == nil) != ok {
			t.Errorf("CheckLoggerImport(%q) = %v", s, err)
		}
	}
}

// BenchmarkMatchGlobs is the per-file cost of a rule's default exclude
// (every Python file of a run asks each rule that has one).
func BenchmarkMatchGlobs(b *testing.B) {
	globs := CompileGlobs(append(slices.Clone(TestFiles), "shared/gcp_clients.py", "scripts/**/*.py"))
	const p = "/work/corpora/python-docs-samples/bigquery/cloud-client/snippets/query_results.py"
	b.ReportAllocs()
	for b.Loop() {
		if globs.Match(p) {
			b.Fatal("matched")
		}
	}
}

// refMatchGlobs is MatchGlobs' definition: every glob parsed on each call,
// every tail of the path joined.
func refMatchGlobs(globs []string, p string) bool {
	segs := strings.Split(strings.Trim(strings.ReplaceAll(p, "\\", "/"), "/"), "/")
	for _, g := range globs {
		pat, ok := walk.ParsePattern(g)
		if !ok || pat.Negate {
			continue
		}
		body := strings.Trim(g, "/")
		if !strings.Contains(body, "/") {
			for j, s := range segs {
				if pat.Match(s, j < len(segs)-1) {
					return true
				}
			}
			continue
		}
		n := strings.Count(body, "/") + 1
		for i := range segs {
			for j := i + 1; j <= len(segs); j++ {
				if !strings.Contains(body, "**") && j-i != n {
					continue
				}
				if pat.Match(strings.Join(segs[i:j], "/"), j < len(segs)) {
					return true
				}
			}
		}
	}
	return false
}

func TestMatchGlobsAsDefined(t *testing.T) {
	globs := []string{"test_*.py", "*_test.py", "conftest.py", "tests/", "/conftest.py", "gen/", "a?c.py", "ab*ba", "[!t]*.py",
		`\*.py`, "*", "**", "shared/gcp_clients.py", "scripts/**/*.py", "a/**", "**/b.py", "x/*/y.py", "foo.py ", "!tests/", "#c", "", "/", "a//b.py",
		"/a/b.py", "a/b/", "svc/**", "tests/x/*.py", "**/tests/*.py", `\#x/y.py`, "#x/y.py", "a/*", "a/b.py/", "svc/shared/*"}
	paths := []string{"a.py", "test_a.py", "svc/tests/x.py", "tests", "svc/gen", "svc/gen/a.py", "conftest.py", "x/conftest.py", "abc.py", "ac.py",
		"aba", "abba", "t.py", "*.py", "svc/shared/gcp_clients.py", "shared/gcp_clients.py", "svc/scripts/a/b/run.py", "a/b.py", "a/b/c/b.py",
		"x/q/y.py", "x/y.py", "foo.py", `svc\tests\a.py`, "/abs/svc/test_x.py", "a//b.py", "",
		"a/b", "a/b/c.py", "svc/a/b.py", "svc/tests/x/t.py", "tests/x/t.py", "#x/y.py", "q/#x/y.py", "svc/shared/a.py", "svc/svc/shared/b.py"}
	for _, g := range globs {
		for _, p := range paths {
			if got, want := MatchGlobs([]string{g}, p), refMatchGlobs([]string{g}, p); got != want {
				t.Errorf("MatchGlobs(%q, %q) = %v, the definition gives %v", g, p, got, want)
			}
		}
	}
}
