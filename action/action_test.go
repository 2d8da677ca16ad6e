// Package action tests the GitHub Action (action.yml at the repository's
// root and the scripts in this directory): the metadata through actionlint
// and action-validator, the scripts through shellcheck, and run.sh in a
// simulated runner over a git repository with a base and a head commit.
package action

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/gittest"
	"github.com/xynergy/xylint/internal/testutil/validators"
)

var xylintBin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "xylint-action")
	if err != nil {
		panic(err)
	}
	xylintBin = filepath.Join(dir, "xylint")
	build := exec.Command("go", "build", "-o", xylintBin, "./cmd/xylint")
	build.Dir = ".."
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		panic("building xylint: " + err.Error())
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return string(out), code
}

func TestActionMetadata(t *testing.T) {
	root := validators.RepoRoot(t)
	// action-validator checks action.yml against the schema of action
	// metadata.
	av := filepath.Join(root, ".ci", "node_modules", ".bin", "action-validator")
	if _, err := os.Stat(av); err != nil {
		t.Fatalf("%s is missing: run bash .ci/run (installs the validators)", av)
	}
	if out, code := run(t, root, nil, av, "action.yml"); code != 0 {
		t.Fatalf("action-validator action.yml: exit %d\n%s", code, out)
	}

	// actionlint checks a workflow that uses the action: every `with:` key
	// must be an input of action.yml, and the metadata must parse.
	bin := filepath.Join(t.TempDir(), "actionlint")
	if out, code := run(t, filepath.Join(root, "tools", "actionlint"), []string{"GOFLAGS=-mod=mod"}, "go", "build", "-o", bin,
		"github.com/rhysd/actionlint/cmd/actionlint"); code != 0 {
		t.Fatalf("building actionlint: %s", out)
	}
	repo := t.TempDir()
	for _, f := range []string{"action.yml"} {
		data, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(repo, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.MkdirAll(filepath.Join(repo, ".github", "workflows"), 0o755)
	workflow := func(with string) string {
		return `on: pull_request
permissions:
  contents: read
  pull-requests: write
  security-events: write
jobs:
  xylint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: xylint
        uses: ./
        with:
` + with + `
      - run: echo "${{ steps.xylint.outputs.errors }} ${{ steps.xylint.outputs.sarif-file }}"
`
	}
	lint := func(with string) (string, int) {
		os.WriteFile(filepath.Join(repo, ".github", "workflows", "xylint.yml"), []byte(workflow(with)), 0o644)
		run(t, repo, nil, "git", "init", "-q")
		return run(t, repo, nil, bin, "-no-color", "-shellcheck=", "-pyflakes=")
	}
	all := "          args: --select XY002\n          paths: services shared\n          working-directory: .\n          only-new-issues: true\n" +
		"          fail-on: error\n          sarif-file: xylint.sarif\n          suggestions: true\n          cache: true\n          github-token: ${{ github.token }}"
	if out, code := lint(all); code != 0 {
		t.Fatalf("actionlint: exit %d\n%s", code, out)
	}
	// actionlint does read action.yml: an unknown input is reported.
	if out, code := lint("          fail-level: error"); code == 0 || !strings.Contains(out, `input "fail-level" is not defined`) {
		t.Fatalf("actionlint accepted an unknown input: exit %d\n%s", code, out)
	}
}

func TestScriptsPassShellcheck(t *testing.T) {
	if _, err := exec.LookPath("shellcheck"); err != nil {
		t.Fatalf("shellcheck is needed (bash .ci/run installs Debian's): %v", err)
	}
	scripts, _ := filepath.Glob("*.sh")
	if out, code := run(t, ".", nil, "shellcheck", scripts...); code != 0 {
		t.Fatalf("shellcheck: exit %d\n%s", code, out)
	}
}

// runner is a simulated GitHub Actions runner: a workspace holding a clone
// (of a bare "origin") of a repository whose main branch is the sample
// platform and whose pull request adds to it.
type runner struct {
	t                      *testing.T
	origin, ws, temp       string
	base, head             string
	output, summary, event string
}

func gitEnv() []string { return slices.Clone(gittest.Env) }

func (r *runner) git(dir string, args ...string) string {
	r.t.Helper()
	out, code := run(r.t, dir, gitEnv(), "git", args...)
	if code != 0 {
		r.t.Fatalf("git %s: %s", strings.Join(args, " "), out)
	}
	return strings.TrimSpace(out)
}

// newRunner makes the repository: base = the sample platform, head = base
// plus change (path → content); the workspace is a clone of depth depth
// (0: full) of the head.
func newRunner(t *testing.T, change map[string]string, depth int) *runner {
	t.Helper()
	root := validators.RepoRoot(t)
	r := &runner{t: t, temp: t.TempDir()}
	src := filepath.Join(r.temp, "src")
	if err := os.CopyFS(src, os.DirFS(filepath.Join(root, "testdata", "platform"))); err != nil {
		t.Fatal(err)
	}
	r.git(src, "init", "-q", "-b", "main")
	r.git(src, "add", "-A")
	r.git(src, "commit", "-q", "-m", "base")
	r.base = r.git(src, "rev-parse", "HEAD")
	// Some history between, as a real base branch has.
	for i := 0; i < 3; i++ {
		os.WriteFile(filepath.Join(src, "CHANGES"), []byte(strings.Repeat("x\n", i+1)), 0o644)
		r.git(src, "add", "-A")
		r.git(src, "commit", "-q", "-m", "history")
	}
	r.base = r.git(src, "rev-parse", "HEAD")
	r.git(src, "checkout", "-q", "-b", "feature")
	for p, content := range change {
		full := filepath.Join(src, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r.git(src, "add", "-A")
	r.git(src, "commit", "-q", "-m", "change")
	r.head = r.git(src, "rev-parse", "HEAD")
	r.origin = filepath.Join(r.temp, "origin.git")
	r.git(r.temp, "clone", "-q", "--bare", src, r.origin)
	r.git(r.origin, "config", "uploadpack.allowReachableSHA1InWant", "true")
	r.ws = filepath.Join(r.temp, "workspace")
	args := []string{"clone", "-q", "--no-tags", "--branch", "feature"}
	if depth > 0 {
		args = append(args, "--depth", "1")
	}
	r.git(r.temp, append(args, "file://"+r.origin, r.ws)...)
	r.output, r.summary, r.event = filepath.Join(r.temp, "output"), filepath.Join(r.temp, "summary.md"), filepath.Join(r.temp, "event.json")
	payload, _ := json.Marshal(map[string]any{"number": 7, "pull_request": map[string]any{"number": 7,
		"head": map[string]any{"sha": r.head, "repo": map[string]any{"full_name": "xynergy/platform"}},
		"base": map[string]any{"sha": r.base, "repo": map[string]any{"full_name": "xynergy/platform"}}}})
	os.WriteFile(r.event, payload, 0o644)
	return r
}

// action runs run.sh as action.yml does, with inputs (INPUT_*), and
// returns its log, exit status and outputs.
func (r *runner) action(inputs map[string]string) (string, int, map[string]string) {
	r.t.Helper()
	os.Remove(r.output)
	os.Remove(r.summary)
	env := append(gitEnv(), "XYLINT_BIN="+xylintBin, "GITHUB_ACTIONS=true", "GITHUB_EVENT_NAME=pull_request", "GITHUB_EVENT_PATH="+r.event,
		"GITHUB_OUTPUT="+r.output, "GITHUB_STEP_SUMMARY="+r.summary, "GITHUB_WORKSPACE="+r.ws, "RUNNER_TEMP="+r.temp,
		"GITHUB_SERVER_URL=https://github.com", "GITHUB_REPOSITORY=xynergy/platform", "GITHUB_SHA="+r.head, "BASE_SHA="+r.base,
		"INPUT_PATHS=.", "INPUT_WORKING_DIRECTORY=.", "INPUT_ONLY_NEW_ISSUES=auto", "INPUT_FAIL_ON=warning", "INPUT_SARIF_FILE=xylint.sarif",
		"INPUT_SUGGESTIONS=false", "INPUT_ARGS=", "GITHUB_TOKEN=")
	for k, v := range inputs {
		env = append(env, k+"="+v)
	}
	abs, _ := filepath.Abs("run.sh")
	log, code := run(r.t, r.ws, env, "bash", abs)
	outputs := map[string]string{}
	data, _ := os.ReadFile(r.output)
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			outputs[k] = v
		}
	}
	return log, code, outputs
}

const exportPy = `"""content-hub: exports."""


def export(items):
    print("exporting", len(items))
    return items
`

var annotation = regexp.MustCompile(`(?m)^::(error|warning|notice) file=([^,]+),line=(\d+),`)

func TestActionOnAPullRequest(t *testing.T) {
	// The pull request adds a print, and touches a file full of old
	// findings (a comment at its top): only the print is new.
	dash, err := os.ReadFile(filepath.Join(validators.RepoRoot(t), "testdata", "platform", "executive-dashboard", "main.py"))
	if err != nil {
		t.Fatal(err)
	}
	r := newRunner(t, map[string]string{"content-hub/export.py": exportPy, "executive-dashboard/main.py": "# Touched.\n" + string(dash)}, 1)
	log, code, out := r.action(nil)
	var annotated []string
	for _, m := range annotation.FindAllStringSubmatch(log, -1) {
		annotated = append(annotated, m[2]+":"+m[3])
	}
	// Only the finding the pull request adds; the shallow clone's missing
	// base was fetched.
	if strings.Join(annotated, " ") != "content-hub/export.py:5" || code != 1 || out["warnings"] != "1" || out["errors"] != "0" {
		t.Fatalf("exit %d, outputs %v, annotations %v\n%s", code, out, annotated, log)
	}
	if !strings.Contains(log, "the merge base with "+r.base[:12]) {
		t.Fatalf("the base was not found in the shallow clone:\n%s", log)
	}
	// The outputs and the reports.
	sarif := filepath.Join(r.ws, "xylint.sarif")
	if out["sarif-file"] != sarif || out["exit-code"] != "1" {
		t.Fatalf("outputs %v", out)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	validators.AJV(t, validators.SARIFSchema(t), string(data))
	validators.SARIFMultitool(t, string(data))
	summary, _ := os.ReadFile(r.summary)
	if !bytes.Contains(summary, []byte("## xylint")) || !bytes.Contains(summary,
		[]byte("[`content-hub/export.py:5:5`](https://github.com/xynergy/platform/blob/"+r.head+"/content-hub/export.py#L5)")) {
		t.Fatalf("summary:\n%s", summary)
	}
	// The counts are the report's.
	var rep struct {
		Summary struct {
			BySeverity map[string]int `json:"by_severity"`
		} `json:"summary"`
	}
	js, _ := os.ReadFile(filepath.Join(r.temp, "xylint-report.json"))
	if err := json.Unmarshal(js, &rep); err != nil {
		t.Fatal(err)
	}
	for _, level := range []string{"error", "warning", "note"} {
		if got, want := out[level+"s"], rep.Summary.BySeverity[level]; got != itoa(want) {
			t.Errorf("output %ss = %s, report %d", level, got, want)
		}
	}

	// Without only-new-issues, the touched file's old findings are there.
	if log, _, _ := r.action(map[string]string{"INPUT_ONLY_NEW_ISSUES": "false"}); !strings.Contains(log, "file=executive-dashboard/main.py,") {
		t.Fatalf("only-new-issues false should report the old findings too:\n%s", log)
	}

	// Exit status follows fail-on.
	if _, code, _ := r.action(map[string]string{"INPUT_FAIL_ON": "never"}); code != 0 {
		t.Errorf("fail-on never: exit %d", code)
	}
	if _, code, _ := r.action(map[string]string{"INPUT_FAIL_ON": "bogus"}); code != 2 {
		t.Errorf("fail-on bogus: exit %d", code)
	}
	if _, code, _ := r.action(map[string]string{"INPUT_FAIL_ON": "error"}); code != 0 {
		t.Errorf("fail-on error with a new warning only: exit %d", code)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestActionSaysWhenTheBaseIsMissing(t *testing.T) {
	r := newRunner(t, map[string]string{"content-hub/export.py": exportPy}, 1)
	// A base that origin does not have (a force-pushed base branch).
	log, code, _ := r.action(map[string]string{"BASE_SHA": strings.Repeat("ab", 20)})
	if !strings.Contains(log, "::warning title=xylint::only-new-issues: the merge base of "+r.head[:12]+" and the base abababababab could not be found") || code != 1 {
		t.Fatalf("exit %d\n%s", code, log)
	}
	// Every finding is reported then: the sample platform's too.
	if n := len(annotation.FindAllString(log, -1)); n < 10 {
		t.Fatalf("%d annotations when the base is missing\n%s", n, log)
	}
}

func TestActionSummaryStaysUnderGitHubsLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("def noisy():\n")
	for i := 0; i < 9000; i++ {
		b.WriteString("    print(\"a rather long message so that the rows of the summary are long\", " + itoa(i) + ")\n")
	}
	r := newRunner(t, map[string]string{"content-hub/noisy.py": b.String()}, 0)
	log, code, out := r.action(map[string]string{"INPUT_ONLY_NEW_ISSUES": "false", "INPUT_PATHS": "content-hub"})
	summary, _ := os.ReadFile(r.summary)
	if code != 1 || len(summary) > 1<<20 || !bytes.Contains(summary, []byte("more (the job summary is limited to 1 MiB")) {
		t.Fatalf("exit %d, summary %d bytes, outputs %v\n%s", code, len(summary), out, summary[max(0, len(summary)-500):])
	}
	if n := strings.Count(log, "::warning file="); n != 10 || !strings.Contains(log, "more findings are not annotated here") {
		t.Fatalf("%d warning annotations", n)
	}
}

func TestActionInAWorkingDirectory(t *testing.T) {
	r := newRunner(t, map[string]string{"content-hub/export.py": exportPy}, 0)
	log, _, _ := r.action(map[string]string{"INPUT_WORKING_DIRECTORY": "content-hub", "INPUT_PATHS": "export.py", "INPUT_ONLY_NEW_ISSUES": "false"})
	// Paths are the repository's, whatever the working directory.
	if !strings.Contains(log, "::warning file=content-hub/export.py,line=5,") {
		t.Fatalf("log:\n%s", log)
	}
}
