package main

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/github/ghfake"
)

// xylint migrate as users run it: the built binary against the fake GitHub
// through --github-url, the token from the environment. The fake quotes
// credentials back in its errors, so a leak would show.

const migrateCanary = "ghp_CANARYcli0123456789abcdefghijklmnop"

// migrateEnv runs the binary in dir with env added to a clean GitHub
// environment (no token, no API URL from the caller's).
func migrateEnv(t *testing.T, dir string, env []string, args ...string) runResult {
	t.Helper()
	cmd := exec.Command(xylintBin, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "GITHUB_TOKEN" && k != "GH_TOKEN" && k != "GITHUB_API_URL" && !strings.HasPrefix(k, "XYLINT_APP_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	return runCmd(t, cmd)
}

func platformFake(t *testing.T) *ghfake.Server {
	t.Helper()
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{migrateCanary: "xylint-bot"}, EchoAuthInErrors: true})
	t.Cleanup(fake.Close)
	files, err := ghfake.ReadDir(filepath.Join("..", "..", "testdata", "platform"))
	if err != nil {
		t.Fatal(err)
	}
	fake.AddRepo("xynergy", "platform", files)
	return fake
}

func campaignFile(t *testing.T, dir, body string) string {
	t.Helper()
	p := filepath.Join(dir, "clients.toml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestMigrateCommands(t *testing.T) {
	fake := platformFake(t)
	dir := t.TempDir()
	camp := campaignFile(t, dir, "repos = [\"xynergy/platform\"]\nlabels = [\"tech-debt\"]\n")
	token := []string{"GITHUB_TOKEN=" + migrateCanary}
	var seen strings.Builder
	mig := func(env []string, args ...string) runResult {
		t.Helper()
		r := migrateEnv(t, dir, env, append([]string{"migrate"}, args...)...)
		seen.WriteString(r.stdout + r.stderr)
		return r
	}
	common := []string{"--campaign", camp, "--github-url", fake.URL, "--write-interval", "0"}
	writes := func() int { _, n := fake.Counts(); return n }

	// plan needs no token on a public repository and writes nothing.
	r := mig(nil, append([]string{"plan", "--format", "json"}, common...)...)
	if r.code != 0 || writes() != 0 {
		t.Fatalf("plan: exit %d, %d writes\n%s%s", r.code, writes(), r.stdout, r.stderr)
	}
	var plan struct {
		Repos []struct {
			Services []struct{ Service, Action, Diff string }
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &plan); err != nil || len(plan.Repos) != 1 {
		t.Fatalf("plan --format json: %v\n%s", err, r.stdout)
	}
	would := 0
	for _, s := range plan.Repos[0].Services {
		if s.Action == "would open a pull request" && strings.Contains(s.Diff, "+++ b/") {
			would++
		}
	}
	if would < 4 {
		t.Fatalf("plan: %d services would get a PR\n%s", would, r.stdout)
	}
	r = mig(nil, append([]string{"plan", "--format", "markdown"}, common...)...)
	if r.code != 0 || !strings.Contains(r.stdout, "## xynergy/platform") || !strings.Contains(r.stdout, "```diff") || !strings.Contains(r.stdout, "| service |") {
		t.Fatalf("plan --format markdown: exit %d\n%s", r.code, r.stdout)
	}

	// run without a token: a clear message, nothing done.
	r = mig(nil, append([]string{"run"}, common...)...)
	if r.code != 2 || !strings.Contains(r.stderr, "GITHUB_TOKEN") || writes() != 0 {
		t.Fatalf("run without a token: exit %d\n%s", r.code, r.stderr)
	}
	r = mig(token, append([]string{"run", "--format", "xml"}, common...)...)
	if r.code != 2 || !strings.Contains(r.stderr, "--format") {
		t.Fatalf("--format xml: exit %d\n%s", r.code, r.stderr)
	}

	// run opens the pull requests, each with what `xylint fix` writes.
	r = mig(token, append([]string{"run", "--dashboard"}, common...)...)
	if r.code != 0 {
		t.Fatalf("run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	prs := fake.PRs("xynergy", "platform")
	if len(prs) < 4 || !strings.Contains(r.stdout, "open a pull request") || !strings.Contains(r.stdout, "/pull/") {
		t.Fatalf("run: %d PRs\n%s", len(prs), r.stdout)
	}
	checkout := t.TempDir()
	base := fake.Files("xynergy", "platform", "main")
	for p, c := range base {
		os.MkdirAll(filepath.Join(checkout, filepath.Dir(p)), 0o755)
		os.WriteFile(filepath.Join(checkout, p), []byte(c), 0o644)
	}
	if r := xylint(t, checkout, "fix", "--select", "XY003", "."); r.code > 1 {
		t.Fatalf("xylint fix: exit %d\n%s", r.code, r.stderr)
	}
	fixed, err := ghfake.ReadDir(checkout)
	if err != nil {
		t.Fatal(err)
	}
	maps.DeleteFunc(fixed, func(p, _ string) bool { return strings.HasPrefix(p, ".xylint_cache/") }) // the cache, gitignored
	inPRs := map[string]bool{}
	for _, pr := range prs {
		for p, c := range fake.Files("xynergy", "platform", pr.Head) {
			if base[p] != c {
				inPRs[p] = true
				if fixed[p] != c {
					t.Errorf("%s: %s differs from what `xylint fix` writes", pr.Head, p)
				}
			}
		}
	}
	for p, c := range fixed {
		if base[p] != c && !inPRs[p] {
			t.Errorf("%s: `xylint fix` changes it, no PR does", p)
		}
	}

	// A re-run writes nothing and says so.
	before := writes()
	r = mig(token, append([]string{"run", "--dashboard", "--format", "markdown"}, common...)...)
	if r.code != 0 || writes() != before || !strings.Contains(r.stdout, "up to date") {
		t.Fatalf("re-run: exit %d, %d writes\n%s%s", r.code, writes()-before, r.stdout, r.stderr)
	}

	// status: per service, the PR and its checks.
	fake.SetCheckRun("xynergy", "platform", prs[0].HeadSHA, "test", "completed", "failure")
	r = mig(token, append([]string{"status", "--format", "json"}, common...)...)
	var status struct {
		Repos []struct {
			Services []struct {
				Service string
				PR      *struct {
					Number        int
					State, Checks string
				}
			}
		}
	}
	if r.code != 0 || json.Unmarshal([]byte(r.stdout), &status) != nil {
		t.Fatalf("status: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	failing := 0
	for _, s := range status.Repos[0].Services {
		if s.PR != nil && s.PR.Number == prs[0].Number && s.PR.State == "open" && s.PR.Checks == "failure" {
			failing++
		}
	}
	if failing != 1 {
		t.Fatalf("status does not show PR #%d's failing check:\n%s", prs[0].Number, r.stdout)
	}
	r = mig(token, append([]string{"status"}, common...)...)
	if r.code != 0 || !strings.Contains(r.stdout, "SERVICE") || !strings.Contains(r.stdout, "checks:failure") {
		t.Fatalf("status (text): exit %d\n%s", r.code, r.stdout)
	}

	// close: no open PR, no bot branch left.
	r = mig(token, append([]string{"close"}, common...)...)
	if r.code != 0 {
		t.Fatalf("close: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, p := range fake.PRs("xynergy", "platform") {
		if p.State == "open" {
			t.Errorf("PR %d open after close", p.Number)
		}
	}
	if refs := fake.Refs("xynergy", "platform", "heads/xylint/"); len(refs) > 0 {
		t.Errorf("branches after close: %v", refs)
	}

	// A repository that fails: exit 2, the others' work done, and the
	// token the fake quotes back is not shown.
	bad := campaignFile(t, dir, "repos = [\"xynergy/platform\", \"xynergy/gone\"]\n")
	r = mig([]string{"GH_TOKEN=" + migrateCanary}, "status", "--campaign", bad, "--github-url", fake.URL)
	if r.code != 2 || !strings.Contains(r.stdout, "xynergy/gone") || !strings.Contains(r.stdout, "404") {
		t.Fatalf("a missing repository: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "[REDACTED]") {
		t.Fatalf("the fake was to quote the token back: the test proves nothing\n%s", r.stdout)
	}
	if strings.Contains(seen.String(), migrateCanary) {
		t.Fatal("the token leaked into the output")
	}
	used := false
	for _, e := range fake.Log() {
		used = used || e.Auth == migrateCanary
	}
	if !used {
		t.Fatal("the token was never sent: the test proves nothing")
	}
}

// A GitHub App installation from the command line: the key file, the App
// and installation ids from flags or the environment.
func TestMigrateAsGitHubApp(t *testing.T) {
	fake := platformFake(t)
	pub, pemKey, err := ghfake.NewAppKey()
	if err != nil {
		t.Fatal(err)
	}
	fake.AddApp(ghfake.App{ID: 77, Slug: "xylint-migrate", Key: pub, Installations: []int64{5}})
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "app.pem")
	os.WriteFile(keyFile, pemKey, 0o600)
	camp := campaignFile(t, dir, "repos = [\"xynergy/platform\"]\n")
	r := migrateEnv(t, dir, []string{"XYLINT_APP_ID=77", "XYLINT_APP_INSTALLATION_ID=5", "XYLINT_APP_PRIVATE_KEY_FILE=" + keyFile},
		"migrate", "run", "--campaign", camp, "--github-url", fake.URL, "--write-interval", "0")
	if r.code != 0 {
		t.Fatalf("run as an App: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	prs := fake.PRs("xynergy", "platform")
	if len(prs) < 4 || prs[0].User != "xylint-migrate[bot]" {
		t.Fatalf("%d PRs, the first by %q", len(prs), prs[0].User)
	}
	// A wrong installation: exit 2 with GitHub's answer, no JWT shown.
	r = migrateEnv(t, dir, nil, "migrate", "status", "--campaign", camp, "--github-url", fake.URL,
		"--app-id", "77", "--app-installation-id", "6", "--app-private-key", keyFile)
	if r.code != 2 || !strings.Contains(r.stdout+r.stderr, "installation 6") {
		t.Fatalf("wrong installation: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	for _, e := range fake.Log() {
		if e.Route == ghfake.TokenRoute && strings.Contains(r.stdout+r.stderr, e.Auth[len(e.Auth)-20:]) {
			t.Fatal("a JWT leaked")
		}
	}
	for _, tok := range fake.InstallationTokens() {
		if strings.Contains(r.stdout+r.stderr, tok) {
			t.Fatal("an installation token leaked")
		}
	}
}
