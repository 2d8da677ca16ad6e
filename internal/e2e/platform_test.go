// Package e2e holds end-to-end tests that run the real xylint binary.
package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// implemented lists, per language, the rules whose findings on the sample
// platform are compared with testdata/platform/expected.json. Extend it as
// rules land; a rule listed here must report exactly the expected findings.
// Two pseudo-rules are always checked and must never appear: XY000
// syntax-error (the platform's Python parses; its Jinja templates are
// skipped) and XY101 malformed-suppression (its suppressions are well formed).
var implemented = map[string][]string{
	"python": {"XY001", "XY002", "XY003", "XY004", "XY005", "XY006"},
	"go":     {"XY001", "XY002", "XY003", "XY004", "XY005", "XY006"},
}

// expectation is one entry of expected.json.
type expectation struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Code     string `json:"code"`
	Snippet  string `json:"snippet"`
	Severity string `json:"severity"`
	Kind     string `json:"kind"` // XY003's classification of the site
	Why      string `json:"why"`
}

type expectations struct {
	Findings    []expectation `json:"findings"`
	NotReported []expectation `json:"not_reported"`
}

// finding is what the test compares: where and which rule.
type finding struct {
	Path string
	Line int
	Code string
}

func (f finding) String() string { return fmt.Sprintf("%s:%d %s", f.Path, f.Line, f.Code) }

func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("repository root not found from the test's directory: %v", err)
	}
	return root
}

func loadExpectations(t *testing.T, platform string) *expectations {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(platform, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expectations
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&struct {
		Comment string `json:"comment"`
		*expectations
	}{expectations: &e}); err != nil {
		t.Fatalf("expected.json: %v", err)
	}
	if len(e.Findings) == 0 {
		t.Fatal("expected.json lists no findings")
	}
	return &e
}

func language(path string) string {
	if strings.HasSuffix(path, ".go") {
		return "go"
	}
	return "python"
}

func isImplemented(f finding) bool {
	return f.Code == "XY000" || f.Code == "XY101" || slices.Contains(implemented[language(f.Path)], f.Code)
}

// TestPlatformExpectationsInStep checks expected.json against the platform's
// sources and EXPECTED.md, so that the list stays true when a file is edited:
// every snippet is still on its line, and every finding is documented.
func TestPlatformExpectationsInStep(t *testing.T) {
	platform := filepath.Join(repoRoot(t), "testdata", "platform")
	e := loadExpectations(t, platform)
	doc, err := os.ReadFile(filepath.Join(platform, "EXPECTED.md"))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[finding]bool{}
	check := func(x expectation, isFinding bool) {
		src, err := os.ReadFile(filepath.Join(platform, filepath.FromSlash(x.Path)))
		if err != nil {
			t.Errorf("%s: %v", x.Path, err)
			return
		}
		lines := strings.Split(string(src), "\n")
		if x.Line < 0 || x.Line > len(lines) || (x.Line == 0 && isFinding) {
			t.Errorf("%s:%d: line out of range (file has %d lines)", x.Path, x.Line, len(lines))
			return
		}
		if x.Line > 0 && !strings.Contains(lines[x.Line-1], x.Snippet) {
			now := "nowhere"
			for i, l := range lines {
				if strings.Contains(l, x.Snippet) {
					now = fmt.Sprintf("on line %d", i+1)
					break
				}
			}
			t.Errorf("%s:%d: snippet %q is not on this line (it is %s): update expected.json and EXPECTED.md", x.Path, x.Line, x.Snippet, now)
		}
		if !isFinding {
			return
		}
		f := finding{x.Path, x.Line, x.Code}
		if seen[f] {
			t.Errorf("%s listed twice", f)
		}
		seen[f] = true
		if x.Why == "" {
			t.Errorf("%s: no why", f)
		}
		if x.Severity != "" && x.Severity != "error" && x.Severity != "warning" && x.Severity != "note" && x.Severity != "info" {
			t.Errorf("%s: bad severity %q", f, x.Severity)
		}
		if x.Kind != "" && (x.Code != "XY003" || !slices.Contains([]string{"per-request", "per-call", "module-level", "cached"}, x.Kind)) {
			t.Errorf("%s: bad kind %q (only XY003 has kinds: per-request, per-call, module-level, cached)", f, x.Kind)
		}
		if !bytes.Contains(doc, fmt.Appendf(nil, "`%s:%d` **%s**", x.Path, x.Line, x.Code)) {
			t.Errorf("%s is not documented in EXPECTED.md", f)
		}
	}
	for _, x := range e.Findings {
		check(x, true)
	}
	for _, x := range e.NotReported {
		check(x, false)
	}
	if n := bytes.Count(doc, []byte("` **XY")); n != len(e.Findings) {
		t.Errorf("EXPECTED.md lists %d findings, expected.json %d", n, len(e.Findings))
	}
}

// jsonReport is the part of `xylint check --format json` this test reads.
type jsonReport struct {
	Diagnostics []struct {
		Code     string `json:"code"`
		Path     string `json:"path"`
		Severity string `json:"severity"`
		Kind     string `json:"kind"`
		Range    struct {
			Start struct {
				Line int `json:"line"`
			} `json:"start"`
		} `json:"range"`
	} `json:"diagnostics"`
	Errors  []problem `json:"errors"`
	Skipped []problem `json:"skipped"`
}

type problem struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// platformPath makes a reported path relative to testdata/platform.
func platformPath(platform, p string) string {
	if filepath.IsAbs(p) {
		if rel, err := filepath.Rel(platform, p); err == nil {
			p = rel
		}
	}
	return strings.TrimPrefix(filepath.ToSlash(p), "testdata/platform/")
}

// TestPlatformCheck runs the real CLI on testdata/platform, as the README's
// first command does, and compares its findings with expected.json for the
// rules in implemented.
func TestPlatformCheck(t *testing.T) {
	root := repoRoot(t)
	platform := filepath.Join(root, "testdata", "platform")
	e := loadExpectations(t, platform)

	bin := xylintBinary(t)

	cmd := exec.Command(bin, "check", "--format", "json", filepath.Join("testdata", "platform"))
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("xylint check testdata/platform: want exit status 1 (findings), got %v\nstderr:\n%s", err, stderr.String())
	}

	var report jsonReport
	if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
		t.Fatalf("decoding the JSON report: %v\n%s", err, stdout.String())
	}
	for _, e := range report.Errors {
		t.Errorf("error reported for %s: %s", e.Path, e.Message)
	}
	// The two Jinja/cookiecutter templates are skipped, and nothing else.
	var skipped []string
	for _, s := range report.Skipped {
		skipped = append(skipped, platformPath(platform, s.Path))
	}
	slices.Sort(skipped)
	if want := []string{"templates/service/main.py", "templates/service/{{cookiecutter.service_name}}.py"}; !slices.Equal(skipped, want) {
		t.Errorf("skipped %q, want %q", skipped, want)
	}

	type detail struct{ severity, kind string }
	got := map[finding]detail{}
	for _, d := range report.Diagnostics {
		got[finding{platformPath(platform, d.Path), d.Range.Start.Line, d.Code}] = detail{d.Severity, d.Kind}
	}

	// Nothing, of any rule, where the platform says nothing may be reported:
	// gitignored and excluded files, templates, tests' prints, suppressions.
	for f := range got {
		for _, n := range e.NotReported {
			if f.Path == n.Path && (n.Line == 0 || n.Line == f.Line) {
				t.Errorf("reported %s, but nothing may be reported there: %s", f, n.Why)
			}
		}
	}

	want := map[finding]expectation{}
	for _, x := range e.Findings {
		f := finding{x.Path, x.Line, x.Code}
		if isImplemented(f) {
			want[f] = x
		}
	}
	if len(want) == 0 {
		t.Fatal("no expected finding belongs to an implemented rule: the comparison would prove nothing")
	}
	for f, x := range want {
		d, ok := got[f]
		if !ok {
			t.Errorf("missing %s (%s)", f, x.Why)
			continue
		}
		if x.Severity != "" && !strings.EqualFold(d.severity, x.Severity) {
			t.Errorf("%s: severity %s, want %s (%s)", f, d.severity, x.Severity, x.Why)
		}
		if x.Kind != "" && d.kind != x.Kind {
			t.Errorf("%s: kind %q, want %q (%s)", f, d.kind, x.Kind, x.Why)
		}
	}
	for f := range got {
		if _, ok := want[f]; !ok && isImplemented(f) {
			t.Errorf("unexpected %s", f)
		}
	}
	t.Logf("compared %d expected findings of %v; the report had %d findings in all", len(want), implemented, len(got))
}
