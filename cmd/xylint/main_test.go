package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/filetree"
	"github.com/xynergy/xylint/internal/testutil/validators"
)

// End-to-end tests: the real binary, built once, run on temporary trees
// with the real Python rules (XY005 print-call, XY004 broad-except).

var xylintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xylint-e2e")
	if err != nil {
		panic(err)
	}
	xylintBin = filepath.Join(dir, "xylint")
	// The tests run xylint on testdata in the repository: its cache goes
	// here, not into the source tree (where copies of testdata would
	// carry it along).
	os.Setenv("XYLINT_CACHE_DIR", filepath.Join(dir, "cache"))
	build := exec.Command("go", "build", "-o", xylintBin, ".")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building xylint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type runResult struct {
	stdout, stderr string
	code           int
}

func xylint(t *testing.T, dir string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(xylintBin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=", "GITHUB_STEP_SUMMARY=")
	return runCmd(t, cmd)
}

// runCmd runs cmd and collects its output and exit status.
func runCmd(t *testing.T, cmd *exec.Cmd) runResult {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := runResult{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

const service = `import logging

logger = logging.getLogger(__name__)


def handler(payload):
    print("got", payload)
    try:
        return store(payload)
    except Exception:
        pass
`

func expect(t *testing.T, r runResult, code int, stdout ...string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.code, code, r.stdout, r.stderr)
	}
	for _, s := range stdout {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s\nstderr:\n%s", s, r.stdout, r.stderr)
		}
	}
}

func TestExitCodesAndTextOutput(t *testing.T) {
	clean := filetree.Temp(t, map[string]string{"app/main.py": "import logging\nlogging.getLogger(__name__).info('ok')\n"})
	expect(t, xylint(t, clean, "check"), 0, "All checks passed!")

	dirty := filetree.Temp(t, map[string]string{"svc/main.py": service, "logconf.py": logSetup})
	r := xylint(t, dirty, "check")
	expect(t, r, 1,
		"svc/main.py:7:5: warning: XY005 [print-call] ",
		"svc/main.py:10:5: error: XY004 [broad-except] ",
		"Found 2 problems (1 error, 1 warning); 2 with a fix.")
	if strings.Contains(r.stdout, "|") {
		t.Errorf("source excerpts when not writing to a terminal:\n%s", r.stdout)
	}
	// --color always: excerpts and colours even into a pipe.
	expect(t, xylint(t, dirty, "check", "--color", "always", "svc"), 1, "\x1b[", "     print(\"got\", payload)")

	expect(t, xylint(t, dirty, "check", "--ignore", "XY004,print-call"), 0)
	expect(t, xylint(t, dirty, "check", "--select", "XY00", "--ignore", "XY004"), 1, "XY005")
	r = xylint(t, dirty, "check", "--select", "XY042")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, `--select XY042: "XY042" matches no rule`) {
		t.Errorf("stderr: %s", r.stderr)
	}
	expect(t, xylint(t, dirty, "check", "--format", "xml"), 2)
	expect(t, xylint(t, dirty, "check", "--no-such-flag"), 2)
}

// --fail-on decides which levels make the exit status 1; the report is the
// same whatever it says. The sample has an error (XY004: the handler
// swallows the exception) and a warning (XY005).
func TestFailOn(t *testing.T) {
	dirty := filetree.Temp(t, map[string]string{"svc/main.py": service, "logconf.py": logSetup})
	both := "Found 2 problems (1 error, 1 warning)"
	expect(t, xylint(t, dirty, "check"), 1, both)
	expect(t, xylint(t, dirty, "check", "--fail-on", "note"), 1, both)
	expect(t, xylint(t, dirty, "check", "--fail-on", "warning"), 1, both)
	expect(t, xylint(t, dirty, "check", "--fail-on", "error"), 1, both)
	expect(t, xylint(t, dirty, "check", "--fail-on", "never"), 0, both)
	// Without the error, only a warning is left.
	expect(t, xylint(t, dirty, "check", "--ignore", "XY004", "--fail-on", "error"), 0,
		"Found 1 problem (1 warning); 1 with a fix; none fails the run (all below fail-on).")
	expect(t, xylint(t, dirty, "check", "--ignore", "XY004", "--fail-on", "warning"), 1, "Found 1 problem (1 warning)")
	r := xylint(t, dirty, "check", "--ignore", "XY004", "--fail-on", "error", "--format", "json")
	expect(t, r, 0, `"exit_code": 0`, `"failing": 0`)
	r = xylint(t, dirty, "check", "--fail-on", "info")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, `--fail-on: "info" is not a level (want note, warning, error or never)`) {
		t.Errorf("stderr: %s", r.stderr)
	}

	// fail-on in the configuration, and --fail-on over it.
	cfg := filetree.Temp(t, map[string]string{"svc/main.py": service, "pyproject.toml": "[tool.xylint]\nignore = [\"XY004\"]\nfail-on = \"error\"\n"})
	expect(t, xylint(t, cfg, "check"), 0, "Found 1 problem (1 warning)")
	expect(t, xylint(t, cfg, "check", "--fail-on", "warning"), 1)
	expect(t, xylint(t, cfg, "config", "svc/main.py"), 0, "fail-on = 'error'")

	// fix: the findings left fail the run only at their level.
	expect(t, xylint(t, cfg, "fix", "--select", "XY004"), 0)
	left := filetree.Temp(t, map[string]string{"svc/main.py": "def f(x):\n    try:\n        return parse(x)\n    except Exception:\n        return fallback(x)\n"})
	expect(t, xylint(t, left, "fix"), 1)
	expect(t, xylint(t, left, "fix", "--fail-on", "error"), 0)
}

func TestWalkRespectsGitignoreExcludeAndExplicitFiles(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		".gitignore":                "generated/\n",
		"svc/main.py":               "print('x')\n",
		"svc/generated/out.py":      "print('x')\n",
		".venv/lib/site.py":         "print('x')\n",
		"env/pyvenv.cfg":            "home = /usr/bin\n",
		"env/lib/m.py":              "print('x')\n",
		"node_modules/pkg/setup.py": "print('x')\n",
		"scripts/tool.py":           "print('x')\n",
	})
	r := xylint(t, root, "check", "--format", "json", "--exclude", "scripts/")
	paths := jsonPaths(t, r.stdout)
	if strings.Join(paths, " ") != "svc/main.py" {
		t.Errorf("checked %v", paths)
	}
	// A file named explicitly is checked even when ignored.
	r = xylint(t, root, "check", "--format", "json", "svc/generated/out.py")
	if p := jsonPaths(t, r.stdout); strings.Join(p, " ") != "svc/generated/out.py" {
		t.Errorf("explicit file: %v", p)
	}
}

func jsonPaths(t *testing.T, out string) []string {
	t.Helper()
	var rep struct {
		Diagnostics []struct{ Path string } `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var paths []string
	for _, d := range rep.Diagnostics {
		paths = append(paths, d.Path)
	}
	return paths
}

// The tests run as root, for whom chmod 000 does not stop a read: the read
// failures here are a dangling symlink, a symlink loop and a FIFO (which
// would block a naive reader forever).
func TestUnreadablePathsAreErrorsAndTheRestIsChecked(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"ok.py": "print('still checked')\n"})
	must(t, os.Symlink("gone.py", filepath.Join(root, "dangling.py")))
	must(t, os.Symlink("loop.py", filepath.Join(root, "loop.py")))
	must(t, syscall.Mkfifo(filepath.Join(root, "pipe.py"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "blob.py"), []byte("\x00\x01binary"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "latin1.py"), []byte("# caf\xe9\nprint(1)\n"), 0o644))
	r := xylint(t, root, "check")
	expect(t, r, 2, "ok.py:1:1: warning: XY005 [print-call]")
	for _, want := range []string{
		"xylint: error: dangling.py: dangling symbolic link",
		"xylint: error: loop.py: too many levels of symbolic links",
		"xylint: error: pipe.py: not a regular file (named pipe)",
		"xylint: notice: blob.py: skipped: ",
		"xylint: notice: latin1.py: skipped: ",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	expect(t, xylint(t, root, "check", "missing.py"), 2)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestConfiguration(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"pyproject.toml": `[project]
name = "platform"

[tool.xylint]
extend-exclude = ["legacy/"]

[tool.xylint.per-file-ignores]
"scripts/*.py" = ["print-call"]

[tool.xylint.print-call]
exclude = []
allow-in-roles = ["cli", "script", "example"]
`,
		"svc/main.py":       service,
		"scripts/seed.py":   "print('seeding')\n",
		"legacy/old.py":     "print('old')\n",
		"tests/test_x.py":   "print('in a test')\n",
		"other/xylint.toml": "select = [\"broad-except\"]\n",
		"other/m.py":        service,
	})
	r := xylint(t, root, "check", "--format", "json")
	got := strings.Join(jsonPaths(t, r.stdout), " ")
	// exclude = [] and allow-in-roles without "test" make print-call report
	// in tests too; other/ has its own
	// configuration (nearest wins) that selects broad-except only.
	if got != "other/m.py svc/main.py svc/main.py tests/test_x.py" {
		t.Errorf("findings in %q", got)
	}
	r = xylint(t, root, "config", "other/m.py")
	expect(t, r, 0, "# from other/xylint.toml", "select = ['broad-except']", "# enabled rules: XY004 broad-except")

	bad := filetree.Temp(t, map[string]string{
		"pyproject.toml": "[tool.ruff]\nline-length = 1\n\n[tool.xylint]\nselect = [\"XY005\"]\nbogus = true\n\n[tool.xylint.print-call]\nallow-in-main = \"yes\"\n",
		"m.py":           "print(1)\n",
	})
	r = xylint(t, bad, "check")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, "pyproject.toml:9:17: tool.xylint.print-call.allow-in-main: expected boolean, found a TOML string") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	must(t, os.WriteFile(filepath.Join(bad, "pyproject.toml"), []byte("[tool.xylint]\nselect = [\"XY005\"]\nbogus = true\n"), 0o644))
	r = xylint(t, bad, "check")
	expect(t, r, 2)
	if !strings.Contains(r.stderr, "pyproject.toml:3:1: tool.xylint.bogus: unknown key") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
}

func TestSuppressions(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"a.py": `import sys
print("a")  # noqa: T201
print("b")  # noqa: print-call
print("c")  # noqa
print("d")  # noqa: E501
try:
    pass
except Exception:  # noqa: BLE001
    pass
try:
    pass
except:  # noqa: E722
    pass
`,
		"b.py": "# xylint: noqa: XY005\nprint('x')\ntry:\n    pass\nexcept Exception:\n    pass\n",
		"c.py": "print('x')  # noqa: XY004\n",
	})
	r := xylint(t, root, "check")
	expect(t, r, 1, "a.py:5:1: warning: XY005", "b.py:5:1: error: XY004", "c.py:1:1: warning: XY005", "Found 3 problems")
	r = xylint(t, root, "check", "--extend-select", "XY100")
	expect(t, r, 1, "c.py:1:13: warning: XY100 [unused-suppression] unused suppression: XY004 reported nothing here")
}

// A file that no rule reads (nothing in it passes a rule's prefilter) still
// has its suppression comments checked: an unused one (XY100) and one that
// cannot be obeyed (XY101) are reported there as anywhere else, with the
// cache and without it.
func TestSuppressionsInFilesNoRuleReads(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"quiet.py": "import os\n\n\ndef here():\n    return os.getcwd()  # xylint: noqa: XY005\n\n\nx = 1  # noqa: XY005\n",
	})
	for _, args := range [][]string{{"--no-cache"}, {}, {}} { // without the cache, cold, warm
		r := xylint(t, root, append([]string{"check", "--extend-select", "XY100"}, args...)...)
		expect(t, r, 1,
			"quiet.py:5:25: warning: XY101 [malformed-suppression] malformed suppression: a file-level `# xylint: noqa` must be on its own line",
			"quiet.py:8:8: warning: XY100 [unused-suppression] unused suppression: XY005 reported nothing here")
	}
}

func TestFormats(t *testing.T) {
	// The service sets logging up to show INFO records, so the print gets
	// its logger fix (the statistics below count it).
	root := filetree.Temp(t, map[string]string{
		"svc/main.py":    service,
		"svc/logconf.py": "import logging\n\nlogging.basicConfig(level=logging.INFO)\n",
	})

	r := xylint(t, root, "check", "--format", "json")
	expect(t, r, 1, `"version": 2`, `"code": "XY005"`, `"failing": 2`)
	validators.AJV(t, validators.JSONOutputSchema(t), r.stdout)

	out := filepath.Join(root, "report.sarif")
	r = xylint(t, root, "check", "--format", "sarif", "--output", out)
	expect(t, r, 1)
	if r.stdout != "" {
		t.Errorf("--output still wrote to stdout: %s", r.stdout)
	}
	sarif, err := os.ReadFile(out)
	must(t, err)
	validators.AJV(t, validators.SARIFSchema(t), string(sarif))
	validators.SARIFMultitool(t, string(sarif))

	summary := filepath.Join(root, "summary.md")
	cmd := exec.Command(xylintBin, "check", "--format", "github")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GITHUB_STEP_SUMMARY="+summary)
	gh, _ := cmd.Output()
	if !regexp.MustCompile(`(?m)^::warning file=svc/main.py,line=7,endLine=7,col=5,endColumn=\d+,title=XY005 \[print-call\]::`).Match(gh) ||
		!regexp.MustCompile(`(?m)^::error file=svc/main.py,line=10,`).Match(gh) {
		t.Errorf("github output:\n%s", gh)
	}
	if s, _ := os.ReadFile(summary); !strings.Contains(string(s), "broadexcept/doc.go) | 1 | 0 | 0 | 1 |") {
		t.Errorf("step summary:\n%s", s)
	}

	// Several reports in one run: annotations on stdout, SARIF and JSON in
	// their files.
	both := exec.Command(xylintBin, "check", "--format", "github,sarif:out.sarif,json:out.json")
	both.Dir = root
	both.Env = append(os.Environ(), "GITHUB_STEP_SUMMARY=")
	gh2, _ := both.Output()
	if !bytes.Equal(gh2, gh) {
		t.Errorf("github report with others:\n%s\nalone:\n%s", gh2, gh)
	}
	if s := readFile(t, filepath.Join(root, "out.sarif")); !bytes.Equal([]byte(s), sarif) {
		t.Errorf("sarif:\n%s", s)
	}
	if s := readFile(t, filepath.Join(root, "out.json")); !strings.Contains(s, `"by_severity": {`) {
		t.Errorf("json:\n%s", s)
	}
	expect(t, xylint(t, root, "check", "--format", "json,sarif"), 2)
	expect(t, xylint(t, root, "check", "--format", "github,yaml:x"), 2)

	expect(t, xylint(t, root, "check", "--statistics"), 1, "     1  XY004  broad-except            1 error  (1 with a fix)\n     1  XY005  print-call              1 warning  (1 with a fix)\n")
}

func TestRulesConfigVersion(t *testing.T) {
	dir := t.TempDir()
	expect(t, xylint(t, dir, "rules"), 0, "CODE", "LEVELS", "XY004  broad-except           error,warning,note", "XY005  print-call             warning", "XY101  malformed-suppression")
	expect(t, xylint(t, dir, "rules", "XY002"), 0, "level: error by default (also warning, note); fix: unsafe", "# Levels\n\n- error: an open route that changes state")
	expect(t, xylint(t, dir, "rules", "broad-except"), 0, "XY004 broad-except", "# What it does", "# Fix safety", "BLE001")
	expect(t, xylint(t, dir, "rules", "T201"), 0, "XY005 print-call")
	expect(t, xylint(t, dir, "rules", "XY999"), 2)
	expect(t, xylint(t, dir, "config"), 0, "# no configuration file found: defaults", "select = ['ALL']", "[print-call]")
	expect(t, xylint(t, dir, "version"), 0, "xylint ")
}

// Where the project's own Ruff configuration allows prints (per-file-ignores
// with T201), XY005 reports nothing, as Ruff would not, and fix leaves the
// print; elsewhere the print is reported and fixed. Broad-except has no
// such code: the project's ignore of BLE001 and E722 leaves it on.
func TestProjectRuffConfigAllowsPrints(t *testing.T) {
	svc := "def f(request):\n    print('x')\n"
	root := filetree.Temp(t, map[string]string{
		"pyproject.toml":   "[tool.ruff.lint]\nignore = [\"E722\", \"BLE001\"]\n\n[tool.ruff.lint.per-file-ignores]\n\"tools/*\" = [\"T201\"]\n",
		"logconf.py":       logSetup,
		"svc/main.py":      svc,
		"tools/gen/run.py": svc,
		"svc/jobs.py":      "def g(request):\n    try:\n        run()\n    except:\n        pass\n",
	})
	r := xylint(t, root, "check", "--select", "XY004,XY005", ".")
	expect(t, r, 1, "svc/main.py:2:5: warning: XY005", "svc/jobs.py:4:5")
	if strings.Contains(r.stdout, "tools/gen/run.py") {
		t.Errorf("a print where the project's Ruff configuration allows it is reported:\n%s", r.stdout)
	}
	xylint(t, root, "fix", "--select", "XY005", ".")
	if got := readFile(t, filepath.Join(root, "tools/gen/run.py")); got != svc {
		t.Errorf("fix changed a file whose prints the project allows:\n%s", got)
	}
	if got := readFile(t, filepath.Join(root, "svc/main.py")); !strings.Contains(got, "logger.info('x')") {
		t.Errorf("svc/main.py not fixed:\n%s", got)
	}
}
