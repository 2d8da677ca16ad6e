package ruleopts

import "testing"

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
	} {
		if got := MatchGlobs(c.globs, c.path); got != c.want {
			t.Errorf("MatchGlobs(%q, %s) = %v, want %v", c.globs, c.path, got, c.want)
		}
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
