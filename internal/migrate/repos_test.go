package migrate

import (
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xynergy/xylint/internal/github/ghfake"
)

// A repository whose default branch is not main gets its pull requests
// against that branch, built on its head.
func TestDefaultBranchIsNotMain(t *testing.T) {
	w := newWorld(t, false, nil)
	w.fake.SetDefaultBranch("xynergy", "platform", "trunk")
	rep := w.exec(Run, nil)
	if errs := reportErrors(rep); len(errs) > 0 {
		t.Fatal(errs)
	}
	if rep.Repos[0].Base != "trunk" {
		t.Fatalf("base %q", rep.Repos[0].Base)
	}
	trunk := w.fake.Ref("xynergy", "platform", "heads/trunk")
	prs := w.fake.PRs("xynergy", "platform")
	if len(prs) < 4 {
		t.Fatalf("%d PRs", len(prs))
	}
	for _, p := range prs {
		if c := w.fake.GetCommit("xynergy", "platform", p.HeadSHA); p.Base != "trunk" || c == nil || len(c.Parents) != 1 || c.Parents[0] != trunk {
			t.Fatalf("PR %d base %q, head commit %+v", p.Number, p.Base, c)
		}
	}
	w.fake.ResetLog()
	w.exec(Run, nil)
	if _, writes := w.fake.Counts(); writes != 0 {
		t.Fatalf("re-run wrote %d times", writes)
	}
}

// Archived and empty repositories are skipped with a reason, not failed,
// and written nothing; the others are done.
func TestArchivedAndEmptyRepositoriesAreSkipped(t *testing.T) {
	w := newWorld(t, false, func(c *Campaign) { c.Repos = append(c.Repos, "xynergy/old", "xynergy/new") })
	w.fake.AddRepo("xynergy", "old", platformFiles(t))
	w.fake.SetArchived("xynergy", "old", true)
	w.fake.AddRepo("xynergy", "new", nil)
	for _, mode := range []Mode{Plan, Run, Status, Close} {
		w.fake.ResetLog()
		rep := w.exec(mode, nil)
		if errs := reportErrors(rep); len(errs) > 0 {
			t.Fatalf("%s: %v", mode, errs)
		}
		byRepo := map[string]*RepoReport{}
		for _, rr := range rep.Repos {
			byRepo[rr.Repo] = rr
		}
		if s := byRepo["xynergy/new"].Skipped; !strings.Contains(s, "empty") {
			t.Errorf("%s: empty repository: %q", mode, s)
		}
		if s := byRepo["xynergy/old"].Skipped; (mode == Run || mode == Close) != strings.Contains(s, "archived") {
			t.Errorf("%s: archived repository: %q", mode, s)
		}
		for _, e := range w.fake.Log() {
			if e.Write() && !strings.HasPrefix(e.Path, "/repos/xynergy/platform/") {
				t.Errorf("%s: %s %s", mode, e.Method, e.Path)
			}
		}
		if mode == Run && len(w.fake.PRs("xynergy", "platform")) == 0 {
			t.Fatal("the live repository got no PR")
		}
	}
}

// A panic while working on one repository is reported as that
// repository's error (redacted) and the others are done.
func TestPanicInOneRepositoryLeavesTheOthers(t *testing.T) {
	w := newWorld(t, true, nil)
	testHookRepo = func(repo string) {
		if repo == "xynergy/go-services" {
			panic("boom with " + canary)
		}
	}
	defer func() { testHookRepo = nil }()
	done := 0 // Progress is called one at a time: no lock (go test -race)
	rep := w.exec(Run, func(o *Options) { o.Progress = func(string) { done++ } })
	if done != 3 {
		t.Fatalf("progress told of %d repositories, want 3", done)
	}
	var failed []string
	for _, rr := range rep.Repos {
		if rr.Error != "" {
			failed = append(failed, rr.Repo)
			if !strings.Contains(rr.Error, "internal error") || strings.Contains(rr.Error, canary) {
				t.Fatalf("error %q", rr.Error)
			}
		}
	}
	if len(failed) != 1 || failed[0] != "xynergy/go-services" {
		t.Fatalf("failed %v", failed)
	}
	if len(w.fake.PRs("xynergy", "analytics")) == 0 || len(w.fake.PRs("xynergy", "marketing")) == 0 {
		t.Fatal("the other repositories got no PR")
	}
}

// A change that is not UTF-8 goes up as a base64 blob, byte for byte (the
// inline content of a tree travels in a JSON string, which would mangle
// it).
func TestNonUTF8ContentIsCommittedExactly(t *testing.T) {
	w := newWorld(t, false, nil)
	r := &repoExec{executor: &executor{opts: Options{Clock: w.fake.Clock}, c: w.c, gh: w.client(nil)}, owner: "xynergy", name: "platform",
		rep: &RepoReport{}, baseSHA: w.fake.Ref("xynergy", "platform", "heads/main"), exec: map[string]bool{}}
	latin1 := []byte("# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n")
	if utf8.Valid(latin1) {
		t.Fatal("the test content is UTF-8")
	}
	st := &svcState{svc: Service{Dir: "shared", Slug: "shared"}, changes: []Change{{Path: "shared/legacy.py", New: latin1}, {Path: "shared/new.py", New: []byte("x = 'é'\n")}}}
	commit, err := r.commit(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	files := w.fake.Files("xynergy", "platform", commit)
	if files["shared/legacy.py"] != string(latin1) || files["shared/new.py"] != "x = 'é'\n" {
		t.Fatalf("committed %q, %q", files["shared/legacy.py"], files["shared/new.py"])
	}
	var blobs int
	for _, e := range w.fake.Log() {
		if e.Route == "POST /repos/{owner}/{repo}/git/blobs" {
			blobs++
		}
	}
	if blobs != 1 {
		t.Fatalf("%d blobs uploaded, want 1 (the UTF-8 file goes inline)", blobs)
	}
}

// A service with more findings than a pull request's body can list (GitHub
// refuses a body over 65,536 characters) gets its pull request all the
// same, with the first findings and a count of the rest.
func TestPRBodyStaysUnderGitHubsLimit(t *testing.T) {
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{canary: "xylint-bot"}})
	t.Cleanup(fake.Close)
	files := platformFiles(t)
	// 600 findings in twelve modules of one service (fifty a file: the
	// fix engine's cost grows fast with the findings of one file).
	big := map[string]string{"pyproject.toml": files["pyproject.toml"], "big/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n"}
	for f := 0; f < 12; f++ {
		var b strings.Builder
		b.WriteString("from google.cloud import bigquery\n\n")
		for i := 0; i < 50; i++ {
			fmt.Fprintf(&b, "c%d = bigquery.Client()\n", i)
		}
		big[fmt.Sprintf("big/clients_%02d.py", f)] = b.String()
	}
	for p, c := range files {
		if strings.HasPrefix(p, "shared/") {
			big[p] = c
		}
	}
	fake.AddRepo("xynergy", "big", big)
	w := &world{t: t, fake: fake, repos: []string{"xynergy/big"}, c: &Campaign{Name: "clients", Repos: []string{"xynergy/big"}}}
	if err := w.c.finish(); err != nil {
		t.Fatal(err)
	}
	rep := w.exec(Run, nil)
	if errs := reportErrors(rep); len(errs) > 0 {
		t.Fatal(errs)
	}
	prs := fake.PRs("xynergy", "big")
	if len(prs) != 1 {
		t.Fatalf("%d PRs", len(prs))
	}
	if n := utf8.RuneCountInString(prs[0].Body); n > 65536 || !strings.Contains(prs[0].Body, "more findings") {
		t.Fatalf("body of %d characters:\n%s", n, prs[0].Body[len(prs[0].Body)-500:])
	}
	w.fake.ResetLog()
	w.exec(Run, nil)
	if _, writes := w.fake.Counts(); writes != 0 {
		t.Fatalf("re-run wrote %d times", writes)
	}
}

func TestSlugsAreBranchNameComponents(t *testing.T) {
	for dir, want := range map[string]string{
		".":                     "root",
		"services/billing":      "services-billing",
		"services/billing api":  "services-billing-api",
		"a..b/c~d^e:f?g*h[i]":   "a-b-c-d-e-f-g-h-i]", // "]" and "}" are allowed
		"svc.lock":              "svc",
		"weird/ünïcode":         "weird-ünïcode",
		"tools/x@{y}":           "tools-x-y}",
		"a/-b":                  "a-b",
		"go-services/trend.api": "go-services-trend.api",
	} {
		got := slugOf(dir)
		if got != want {
			t.Errorf("slugOf(%q) = %q, want %q", dir, got, want)
		}
		if out, err := exec.Command("git", "check-ref-format", "refs/heads/xylint/clients/"+got).CombinedOutput(); err != nil {
			t.Errorf("git refuses %q: %v %s", got, err, out)
		}
	}
	if got := slugOf("[?"); !strings.HasPrefix(got, "svc-") {
		t.Errorf("slugOf([?) = %q", got)
	}
}

// The trailer that marks the bot's commits names the whole campaign.
func TestTrailerMatchesTheWholeCampaign(t *testing.T) {
	msg := "xylint: fix XY003 in svc\n\nXylint-Campaign: clients-v2\nXylint-Service: svc\n"
	if hasTrailer(msg, TrailerKey, "clients") || !hasTrailer(msg, TrailerKey, "clients-v2") {
		t.Fatal("trailer matched by prefix")
	}
}
