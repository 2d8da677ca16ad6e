package migrate

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/analyzers/toolset"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A campaign comes from [tool.xylint.campaign.<name>] or from a file of its
// own; defaults are filled in, and mistakes are errors that say where.
func TestLoadCampaign(t *testing.T) {
	reg := toolset.Default().Registry
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "pyproject.toml"), `[tool.xylint.campaign.clients]
repos = ["xynergy/platform"]
labels = ["tech-debt"]

[tool.xylint.campaign.cors]
rules = ["XY001"]
org = "xynergy"
repo-filter = "^svc-"
`)
	if _, err := LoadCampaign(reg, "", "", dir); err == nil || !strings.Contains(err.Error(), "clients, cors") || !strings.Contains(err.Error(), "--name") {
		t.Fatalf("two campaigns, no name: %v", err)
	}
	if _, err := LoadCampaign(reg, "nope", "", dir); err == nil || !strings.Contains(err.Error(), `no campaign "nope"`) {
		t.Fatalf("unknown name: %v", err)
	}
	c, err := LoadCampaign(reg, "clients", "", filepath.Join(dir, "sub"))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Rules, []string{"XY003"}) || c.AuthorEmail != defaultEmail || c.Label() != "xylint:clients" || !slices.Equal(c.Labels, []string{"tech-debt"}) {
		t.Fatalf("defaults: %+v", c)
	}
	cors, err := LoadCampaign(reg, "cors", "", dir)
	if err != nil || cors.Org != "xynergy" || cors.repoFilter == nil || !cors.repoFilter.MatchString("svc-billing") {
		t.Fatalf("cors: %+v %v", cors, err)
	}

	file := filepath.Join(dir, "big-move.toml")
	for _, tc := range []struct{ body, want string }{
		{"repos = [\"a/b\"]\nreviewer = [\"x\"]\n", "big-move.toml:2:1: reviewer: unknown campaign setting"},
		{"repos = [\"a\"]\n", `"a" is not owner/name`},
		{"rules = [\"XY003\"]\n", "no target"},
		{"repos = [\"a/b\"]\nbranch = \"xylint/{{.Campaign}}\"\n", "must contain the service"},
		{"repos = [\"a/b\"]\ntitle = \"{{.Nope}}\"\n", "template title"},
		{"repos = [\"a/b\"]\nrepo-filter = \"(\"\n", "repo-filter"},
		{"repos = [\"a/b\"]\nmax-open-prs = -1\n", "must not be negative"},
	} {
		writeFile(t, file, tc.body)
		_, err := LoadCampaign(reg, "", file, dir)
		if tc.want == "template title" {
			// A template naming a missing field fails when it runs.
			c, lerr := LoadCampaign(reg, "", file, dir)
			if lerr == nil {
				_, err = c.render(c.titleT, TemplateData{})
			}
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.body, err, tc.want)
		}
	}
	writeFile(t, file, "repos = [\"a/b\"]\n")
	if c, err := LoadCampaign(reg, "", file, dir); err != nil || c.Name != "big-move" {
		t.Fatalf("a campaign file is named after it: %+v %v", c, err)
	}
}

// An organisation's repositories, filtered by name, without archived ones
// and forks; --shard splits them without overlap.
func TestOrgTargetsAndShards(t *testing.T) {
	w := newWorld(t, false, func(c *Campaign) { c.Repos, c.Org, c.RepoFilter = nil, "acme", "^svc-" })
	for _, name := range []string{"svc-a", "svc-b", "svc-old", "svc-fork", "website"} {
		r := w.fake.AddRepo("acme", name, map[string]string{"main.py": "x = 1\n"})
		r.Archived, r.Fork = name == "svc-old", name == "svc-fork"
	}
	rep := w.exec(Plan, nil)
	var got []string
	for _, rr := range rep.Repos {
		got = append(got, rr.Repo)
	}
	if !slices.Equal(got, []string{"acme/svc-a", "acme/svc-b"}) {
		t.Fatalf("targets %v", got)
	}
	// Shards: every repository in exactly one, the same one every time.
	seen := map[string]int{}
	for i := 1; i <= 4; i++ {
		for n := 0; n < 60; n++ {
			r := fmt.Sprintf("acme/svc-%d", n)
			if (Shard{I: i, N: 4}).has(r) {
				seen[r]++
				if !(Shard{I: i, N: 4}).has(r) {
					t.Fatal("not deterministic")
				}
			}
		}
	}
	per := map[int]int{}
	for n := 0; n < 60; n++ {
		r := fmt.Sprintf("acme/svc-%d", n)
		if seen[r] != 1 {
			t.Fatalf("%s in %d shards", r, seen[r])
		}
		for i := 1; i <= 4; i++ {
			if (Shard{I: i, N: 4}).has(r) {
				per[i]++
			}
		}
	}
	for i := 1; i <= 4; i++ {
		if per[i] < 5 {
			t.Errorf("shard %d has %d of 60 repositories", i, per[i])
		}
	}
}

// max-prs-per-run and max-open-prs hold pull requests back; the next runs
// open them.
func TestPRLimits(t *testing.T) {
	w := newWorld(t, false, func(c *Campaign) { c.MaxPRsPerRun = 2; c.MaxOpenPRs = 3 })
	open := func() int {
		n := 0
		for _, p := range w.fake.PRs("xynergy", "platform") {
			if p.State == "open" {
				n++
			}
		}
		return n
	}
	rep := w.exec(Run, nil)
	deferred := 0
	for _, s := range rep.Repos[0].Services {
		if strings.HasPrefix(s.Action, "deferred: max-prs-per-run") {
			deferred++
		}
	}
	if open() != 2 || deferred != 2 {
		t.Fatalf("first run: %d open, %d deferred", open(), deferred)
	}
	rep = w.exec(Run, nil)
	if open() != 3 {
		t.Fatalf("second run: %d open, want 3 (max-open-prs)", open())
	}
	if s := serviceReport(rep, "security-governance"); s == nil || !strings.Contains(s.Action, "max-open-prs") {
		t.Fatalf("second run: %+v", s)
	}
	// One merged: room for the last.
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if p.State == "open" {
			w.fake.ClosePR("xynergy", "platform", p.Number, true)
			break
		}
	}
	w.exec(Run, nil)
	if open() != 3 || len(w.fake.PRs("xynergy", "platform")) != 4 {
		t.Fatalf("third run: %d open of %d", open(), len(w.fake.PRs("xynergy", "platform")))
	}
}

// Services: detected apps and Go main packages, plus globs; with detection
// off, the globs and the root.
func TestServiceDiscovery(t *testing.T) {
	dir := t.TempDir()
	for p, c := range map[string]string{
		"api/main.py":                  "from fastapi import FastAPI\napp = FastAPI()\n",
		"web/app.py":                   "from flask import Flask\napp = Flask(__name__)\n",
		"go/collector/main.go":         "package main\n\nfunc main() {}\n",
		"go/lib/lib.go":                "package lib\n",
		"jobs/nightly/run.py":          "print(1)\n",
		"jobs/weekly/run.py":           "print(1)\n",
		"api/testdata/fixture/main.py": "from fastapi import FastAPI\napp = FastAPI()\n",
		".github/scripts/x.py":         "from flask import Flask\napp = Flask(__name__)\n",
		"tools/x.py":                   "from fastapi import FastAPI\n\n\ndef mount(app: FastAPI) -> None: ...\n",
	} {
		writeFile(t, filepath.Join(dir, p), c)
	}
	dirs := func(svcs []Service) []string {
		var out []string
		for _, s := range svcs {
			out = append(out, s.Dir+"="+s.Slug)
		}
		return out
	}
	svcs, err := findServices(dir, []string{"jobs/*"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dirs(svcs), []string{"api=api", "go/collector=go-collector", "jobs/nightly=jobs-nightly", "jobs/weekly=jobs-weekly", "web=web"}; !slices.Equal(got, want) {
		t.Fatalf("services %v, want %v", got, want)
	}
	if s := serviceOf(svcs, "shared/x.py"); s.Dir != "." || s.Slug != "root" {
		t.Fatalf("a file outside every service: %+v", s)
	}
	if s := serviceOf(svcs, "jobs/nightly/lib/a.py"); s.Dir != "jobs/nightly" {
		t.Fatalf("deepest service: %+v", s)
	}
	svcs, _ = findServices(dir, nil, false)
	if got := dirs(svcs); !slices.Equal(got, []string{".=root"}) {
		t.Fatalf("no detection, no globs: %v", got)
	}
}

// The dashboard draws the burndown from the history it keeps in its own
// body: one point per day, as a Mermaid xychart-beta chart; --report draws
// the same as SVG.
func TestDashboardBurndown(t *testing.T) {
	w := newWorld(t, false, nil)
	w.exec(Run, nil)
	// A day later, marketing-engine's PR was merged.
	w.fake.Clock.Advance(24 * time.Hour)
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if p.Head == "xylint/clients/marketing-engine" {
			w.fake.ClosePR("xynergy", "platform", p.Number, true)
		}
	}
	rep := w.exec(Run, nil)
	issues := w.fake.Issues("xynergy", "platform")
	if len(issues) != 1 {
		t.Fatalf("%d dashboards", len(issues))
	}
	body := issues[0].Body
	h := rep.Repos[0].History
	if len(h) != 2 || h[0].Date != "2025-01-06" || h[1].Date != "2025-01-07" || h[1].Left != h[0].Left-1 {
		t.Fatalf("history %+v", h)
	}
	for _, want := range []string{"```mermaid\nxychart-beta", `x-axis ["2025-01-06", "2025-01-07"]`,
		fmt.Sprintf("line [%d, %d]", h[0].Left, h[1].Left), "| `marketing-engine` |", ") merged |"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q:\n%s", want, body)
		}
	}
	var page strings.Builder
	if err := WriteHTML(&page, rep); err != nil {
		t.Fatal(err)
	}
	if p := page.String(); !strings.Contains(p, "<svg") || strings.Count(p, "<circle") != 2 || !strings.Contains(p, "marketing-engine") {
		t.Fatalf("HTML report:\n%s", p)
	}
}
