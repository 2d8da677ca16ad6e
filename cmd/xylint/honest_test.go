package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// Honest results: a run never says more than it did.

// XY000 is reported for a file that does not parse whatever the rules'
// prefilters say about it.
func TestSyntaxErrorsAreAlwaysReported(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"bad.py": "def f(:\n", "ok.py": "x = 1\n"})
	for _, args := range [][]string{{"check"}, {"check", "--select", "XY000"}, {"check", "--select", "XY005"}} {
		r := xylint(t, root, args...)
		if args[len(args)-1] == "XY005" {
			expect(t, r, 0) // XY000 not selected: the run is clean
			continue
		}
		expect(t, r, 1, "bad.py:1:7: error: XY000 [syntax-error]")
	}
}

// A run that analysed nothing says so, and does not pass.
func TestARunThatAnalysedNothingSaysSo(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		args  []string
	}{
		{"empty directory", map[string]string{"README.md": "# nothing here\n"}, []string{"check"}},
		{"everything excluded", map[string]string{"svc/m.py": "print(1)\n"}, []string{"check", "--exclude", "svc"}},
		{"Go without go.mod", map[string]string{"main.go": "package main\n\nfunc main() {}\n"}, []string{"check"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := filetree.Temp(t, tc.files)
			r := xylint(t, root, tc.args...)
			if strings.Contains(r.stdout, "All checks passed") {
				t.Errorf("a run that analysed nothing passed:\n%s", r.stdout)
			}
			if r.code != 2 || !strings.Contains(r.stderr, "xylint: error: no files were analysed") {
				t.Errorf("exit %d, want 2 and an error saying nothing was analysed\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
			}
			r = xylint(t, root, append(tc.args, "--format", "json")...)
			var rep struct {
				Summary struct {
					Files int `json:"files"`
				} `json:"summary"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || r.code != 2 {
				t.Errorf("json: exit %d, %v\n%s", r.code, err, r.stdout)
			}
		})
	}
}

// A Go package whose dependencies cannot be loaded is one error with the go
// command's message (exit 2), and the module's other packages are still
// checked.
func TestGoPackageThatCannotBeLoaded(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"go.mod": "module example.com/gm\n\ngo 1.26\n\nrequire github.com/google/uuid v1.6.0\n",
		"a/a.go": "package a\n\nimport \"github.com/google/uuid\"\n\nfunc F() string { return uuid.NewString() }\n",
		"b/b.go": "package b\n\nimport \"fmt\"\n\nfunc G() { fmt.Println(\"x\") }\n",
	})
	// Offline and read-only, so that the go command reports the missing
	// go.sum entry instead of fetching it.
	t.Setenv("GOFLAGS", "-mod=readonly")
	t.Setenv("GOPROXY", "off")
	r := xylint(t, root, "check", ".")
	if r.code != 2 {
		t.Errorf("exit %d, want 2", r.code)
	}
	if !strings.Contains(r.stdout, "b/b.go:5:12: warning: XY005") {
		t.Errorf("the other package's finding is missing:\n%s", r.stdout)
	}
	if strings.Contains(r.stdout, "XY000") || strings.Contains(r.stdout+r.stderr, "invalid package name") {
		t.Errorf("a load failure reported as a syntax error:\n%s\n%s", r.stdout, r.stderr)
	}
	if n := strings.Count(r.stderr, "xylint: error:"); n != 1 || !strings.Contains(r.stderr, "missing go.sum entry for module providing package github.com/google/uuid") {
		t.Errorf("want one error with the go command's message, got %d:\n%s", n, r.stderr)
	}
	if strings.Contains(r.stderr, root) {
		t.Errorf("the error names an absolute path:\n%s", r.stderr)
	}
}

// A module the go command cannot read is one error that says why, with the
// paths as the user sees them (no absolute path of the machine in a CI log
// or a SARIF notification).
func TestGoModuleThatCannotBeLoaded(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"go.mod":     "module example.com/bm\n\ngo 1.26\nthis is not valid\n",
		"svc/s.go":   "package svc\n",
		"app/m.py":   "print(1)\n",
		"app/ok.py":  "x = 1\n",
		"other/o.go": "package other\n",
	})
	r := xylint(t, root, "check", "--format", "sarif", ".")
	if r.code != 2 || !strings.Contains(r.stderr, "its Go module (go.mod) could not be loaded, none of its files was checked: go: errors parsing go.mod: go.mod:4: unknown directive: this") {
		t.Errorf("exit %d\n%s", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, root) {
		t.Errorf("an absolute path in the report:\n%s\n%s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, `"ruleId": "XY005"`) {
		t.Errorf("the Python findings are missing:\n%s", r.stdout)
	}
}
