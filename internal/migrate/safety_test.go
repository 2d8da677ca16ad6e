package migrate

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/github/ghfake"
)

func prFor(t *testing.T, w *world, head string) ghfake.PR {
	t.Helper()
	var found []ghfake.PR
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if p.Head == head {
			found = append(found, p)
		}
	}
	if len(found) == 0 {
		t.Fatalf("no PR for %s", head)
	}
	return found[len(found)-1]
}

func serviceReport(rep *Report, dir string) *ServiceReport {
	for _, s := range rep.Repos[0].Services {
		if s.Service == dir {
			return s
		}
	}
	return nil
}

// A person's commit on the campaign's branch is never lost: the bot stops
// touching the branch, says so once in the PR, and reports it.
func TestHumanCommitIsKept(t *testing.T) {
	w := newWorld(t, false, nil)
	w.exec(Run, nil)
	const branch = "xylint/clients/marketing-engine"
	human := w.fake.Commit("xynergy", "platform", branch, map[string]string{"marketing-engine/NOTES.md": "reviewed\n"}, nil,
		ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "note")
	// The base moves too, so the bot would want to rebuild the branch.
	w.fake.Commit("xynergy", "platform", "main", map[string]string{"marketing-engine/main.py": w.fake.Files("xynergy", "platform", "main")["marketing-engine/main.py"] + "\n# moved\n"}, nil,
		ghfake.Person{Name: "Eve", Email: "eve@example.com"}, "base moves")
	for i := 0; i < 2; i++ {
		rep := w.exec(Run, nil)
		if got := w.fake.Ref("xynergy", "platform", "heads/"+branch); got != human {
			t.Fatalf("run %d: branch head %s, want the person's commit %s", i, got, human)
		}
		s := serviceReport(rep, "marketing-engine")
		if s == nil || !strings.Contains(s.Action, "someone else pushed") {
			t.Fatalf("run %d: report %+v", i, s)
		}
	}
	// Dana pushes again: still one comment.
	human = w.fake.Commit("xynergy", "platform", branch, map[string]string{"marketing-engine/NOTES.md": "reviewed twice\n"}, nil,
		ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "note")
	w.exec(Run, nil)
	pr := prFor(t, w, branch)
	if pr.State != "open" || len(pr.Comments) != 1 || !strings.Contains(pr.Comments[0], "will not rebuild") || w.fake.Ref("xynergy", "platform", "heads/"+branch) != human {
		t.Fatalf("PR %+v: want it open with one hands-off comment", pr)
	}
	st := w.exec(Status, nil)
	if s := serviceReport(st, "marketing-engine"); s == nil || !strings.Contains(s.Action, "someone else pushed") {
		t.Fatalf("status %+v", s)
	}
	// close keeps the person's branch.
	w.exec(Close, nil)
	if w.fake.Ref("xynergy", "platform", "heads/"+branch) != human {
		t.Fatal("close deleted a branch with a person's commit")
	}
}

func TestClosedPRStaysClosedUnlessReopen(t *testing.T) {
	w := newWorld(t, false, nil)
	w.exec(Run, nil)
	const branch = "xylint/clients/executive-dashboard"
	pr := prFor(t, w, branch)
	w.fake.ClosePR("xynergy", "platform", pr.Number, false)
	rep := w.exec(Run, nil)
	if s := serviceReport(rep, "executive-dashboard"); !strings.Contains(s.Action, "left closed") {
		t.Fatalf("action %q", s.Action)
	}
	if got := prFor(t, w, branch); got.State != "closed" || len(w.fake.PRs("xynergy", "platform")) != 4 {
		t.Fatalf("PR %+v; %d PRs", got, len(w.fake.PRs("xynergy", "platform")))
	}
	w.exec(Run, func(o *Options) { o.Reopen = true })
	if got := prFor(t, w, branch); got.State != "open" || got.Number != pr.Number {
		t.Fatalf("after --reopen: %+v", got)
	}
}

func TestEmptiedServiceIsClosedAndMergedOneReopensFresh(t *testing.T) {
	w := newWorld(t, false, nil)
	w.exec(Run, nil)
	// security-governance is fixed by hand on main: its PR is closed and
	// its branch deleted.
	fixed := w.fake.Files("xynergy", "platform", "xylint/clients/security-governance")["security-governance/api.py"]
	w.fake.Commit("xynergy", "platform", "main", map[string]string{"security-governance/api.py": fixed}, nil, ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "by hand")
	// marketing-engine's PR is merged.
	me := prFor(t, w, "xylint/clients/marketing-engine")
	w.fake.ClosePR("xynergy", "platform", me.Number, true)
	w.fake.ResetLog()
	rep := w.exec(Run, nil)
	if errs := reportErrors(rep); len(errs) > 0 {
		t.Fatal(errs)
	}
	sg := prFor(t, w, "xylint/clients/security-governance")
	if sg.State != "closed" || sg.Merged || len(sg.Comments) != 1 || !strings.Contains(sg.Comments[0], "Nothing is left") {
		t.Fatalf("emptied PR %+v", sg)
	}
	if w.fake.Ref("xynergy", "platform", "heads/xylint/clients/security-governance") != "" {
		t.Fatal("the emptied service's branch was kept")
	}
	if got := prFor(t, w, "xylint/clients/marketing-engine"); got.Number != me.Number || !got.Merged {
		t.Fatalf("merged PR %+v", got)
	}
	// Close cleans up everything that is the bot's.
	w.exec(Close, nil)
	for _, p := range w.fake.PRs("xynergy", "platform") {
		if p.State == "open" {
			t.Errorf("PR %d still open after close", p.Number)
		}
	}
	if refs := w.fake.Refs("xynergy", "platform", "heads/xylint/"); len(refs) > 0 {
		t.Errorf("branches left after close: %v", refs)
	}
}

func TestRequestsPerNewPR(t *testing.T) {
	w := newWorld(t, false, func(c *Campaign) { c.Reviewers = nil })
	rep := w.exec(Run, func(o *Options) { o.Dashboard = false })
	all, writes := w.fake.Counts()
	prs := len(w.fake.PRs("xynergy", "platform"))
	t.Logf("%d requests for %d new PRs; report says %+v", all, prs, rep.Requests)
	// Per PR: tree, commit, branch, PR, labels. Per repository: the
	// repository, the archive link and download, the branch and PR
	// listings, the base commit. (bench/ measures the 35-service
	// platform, where the shared reads are amortised.)
	if writes != 5*prs || all-writes > 6 {
		t.Errorf("%d writes for %d PRs (want 5 each), %d reads (want <= 6 per repository)", writes, prs, all-writes)
	}
}

// The canary token never appears in the report, the logs or the fake's
// error answers as the bot shows them.
func TestCanaryNeverShown(t *testing.T) {
	w := newWorld(t, false, nil)
	rep := w.exec(Run, nil)
	var out strings.Builder
	for _, f := range Formats {
		Write(&out, rep, f)
	}
	WriteHTML(&out, rep)
	out.WriteString(w.logs.String())
	if strings.Contains(out.String(), canary) {
		t.Fatal("the token leaked")
	}
	used := false
	for _, e := range w.fake.Log() {
		used = used || e.Auth == canary
	}
	if !used {
		t.Fatal("the token was never sent: the test proves nothing")
	}
}
