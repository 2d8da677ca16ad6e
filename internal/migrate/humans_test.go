package migrate

import (
	"strings"
	"sync"
	"testing"

	"github.com/xynergy/xylint/internal/github/ghfake"
)

// pushAfterListing makes a person push to branch right after the bot has
// listed the campaign's branches (on its pull request listing), once
// armed: the bot's view of the branch is stale by the time it writes.
type pushAfterListing struct {
	mu     sync.Mutex
	armed  bool
	w      *world
	branch string
	sha    string
}

func (p *pushAfterListing) hook(method, path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.armed || method != "GET" || path != "/repos/xynergy/platform/issues" {
		return
	}
	p.armed = false
	p.sha = p.w.fake.Commit("xynergy", "platform", p.branch, map[string]string{"marketing-engine/NOTES.md": "wip\n"}, nil,
		ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "wip")
}

// A person who pushes while a run is under way (after the branch listing,
// before the bot's writes) keeps their commit: the bot reads the branch
// again right before it force-updates or deletes it.
func TestPushDuringRunIsKept(t *testing.T) {
	const branch = "xylint/clients/marketing-engine"
	for _, tc := range []struct {
		name   string
		change func(w *world) // what makes the bot want to touch the branch
	}{
		{"the base moved: the bot would rebuild the branch", func(w *world) {
			main := w.fake.Files("xynergy", "platform", "main")["marketing-engine/main.py"]
			w.fake.Commit("xynergy", "platform", "main", map[string]string{"marketing-engine/main.py": main + "\n# moved\n"}, nil,
				ghfake.Person{Name: "Eve", Email: "eve@example.com"}, "base moves")
		}},
		{"fixed by hand on the base: the bot would close the PR and delete the branch", func(w *world) {
			fixed := w.fake.Files("xynergy", "platform", branch)
			var files map[string]string = map[string]string{}
			for p, c := range fixed {
				if strings.HasPrefix(p, "marketing-engine/") && w.fake.Files("xynergy", "platform", "main")[p] != c {
					files[p] = c
				}
			}
			w.fake.Commit("xynergy", "platform", "main", files, nil, ghfake.Person{Name: "Eve", Email: "eve@example.com"}, "by hand")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			push := &pushAfterListing{branch: branch}
			w := newWorldWith(t, false, ghfake.Options{Hook: push.hook}, nil)
			push.w = w
			w.exec(Run, nil)
			tc.change(w)
			push.mu.Lock()
			push.armed = true
			push.mu.Unlock()
			rep := w.exec(Run, nil)
			if push.sha == "" {
				t.Fatal("the person never pushed: the test proves nothing")
			}
			if got := w.fake.Ref("xynergy", "platform", "heads/"+branch); got != push.sha {
				t.Fatalf("branch head %q, want the person's commit %s", got, push.sha)
			}
			s := serviceReport(rep, "marketing-engine")
			if s == nil || !strings.Contains(s.Action, "someone else pushed") {
				t.Fatalf("report %+v", s)
			}
			pr := prFor(t, w, branch)
			if pr.State != "open" || len(pr.Comments) != 1 || !strings.Contains(pr.Comments[0], "will not rebuild") {
				t.Fatalf("PR %+v: want it open with one hands-off comment", pr)
			}
			// And it stays that way.
			w.fake.ResetLog()
			w.exec(Run, nil)
			if w.fake.Ref("xynergy", "platform", "heads/"+branch) != push.sha || len(prFor(t, w, branch).Comments) != 1 {
				t.Fatal("the next run touched the person's branch or commented again")
			}
		})
	}
}

// A pull request a person closed, took the campaign's label off and whose
// branch they deleted is found through the dashboard, which lists the
// numbers: it stays closed, and no second pull request is opened.
func TestUnlabelledClosedPRWithoutBranchStaysClosed(t *testing.T) {
	const branch = "xylint/clients/executive-dashboard"
	w := newWorld(t, false, nil)
	w.exec(Run, nil)
	pr := prFor(t, w, branch)
	w.fake.ClosePR("xynergy", "platform", pr.Number, false)
	w.fake.SetLabels("xynergy", "platform", pr.Number, nil)
	w.fake.DeleteBranch("xynergy", "platform", branch)
	before := len(w.fake.PRs("xynergy", "platform"))
	w.fake.ResetLog()
	rep := w.exec(Run, nil)
	if errs := reportErrors(rep); len(errs) > 0 {
		t.Fatal(errs)
	}
	if n := len(w.fake.PRs("xynergy", "platform")); n != before {
		t.Fatalf("%d PRs, want %d: a second PR was opened for the closed one", n, before)
	}
	if s := serviceReport(rep, "executive-dashboard"); s == nil || !strings.Contains(s.Action, "left closed") || s.PR == nil || s.PR.Number != pr.Number {
		t.Fatalf("report %+v", s)
	}
	// The price: one read for that pull request (the dashboard is edited
	// once, for the pull request's new state), and nothing more next time.
	w.fake.ResetLog()
	w.exec(Run, nil)
	if all, writes := w.fake.Counts(); writes != 0 || all != 6 {
		for _, e := range w.fake.Log() {
			t.Logf("%s %s %d", e.Method, e.Path, e.Status)
		}
		t.Fatalf("re-run: %d requests, %d writes; want 6 and 0", all, writes)
	}
	// --reopen brings it back, branch and label included.
	w.exec(Run, func(o *Options) { o.Reopen = true })
	got := prFor(t, w, branch)
	if got.Number != pr.Number || got.State != "open" || !contains(got.Labels, "xylint:clients") || w.fake.Ref("xynergy", "platform", "heads/"+branch) == "" {
		t.Fatalf("after --reopen: %+v", got)
	}
}

// A bot branch that no service claims any more (the service left the tree
// before its pull request was opened) is deleted by the next run, and by
// close; someone else's branch under the campaign's prefix is not.
func TestOrphanBranchesAreCleanedUp(t *testing.T) {
	for _, mode := range []Mode{Run, Close} {
		t.Run(string(mode), func(t *testing.T) {
			w := newWorld(t, false, nil)
			w.exec(Run, nil)
			// An interrupted run left a branch for a service that is
			// gone now; a person made a branch under the same prefix.
			orphan := w.fake.Commit("xynergy", "platform", "xylint/clients/old-service", map[string]string{"old-service/x.py": "x = 1\n"}, nil,
				ghfake.Person{Name: w.c.AuthorName, Email: w.c.AuthorEmail}, "xylint: fix XY003 in old-service\n\nXylint-Campaign: clients\nXylint-Service: old-service\n")
			human := w.fake.Commit("xynergy", "platform", "xylint/clients/dana-experiment", map[string]string{"notes.md": "x\n"}, nil,
				ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "try")
			if orphan == "" || human == "" {
				t.Fatal("no commits")
			}
			rep := w.exec(mode, nil)
			if errs := reportErrors(rep); len(errs) > 0 {
				t.Fatal(errs)
			}
			if w.fake.Ref("xynergy", "platform", "heads/xylint/clients/old-service") != "" {
				t.Error("the orphan bot branch was kept")
			}
			if w.fake.Ref("xynergy", "platform", "heads/xylint/clients/dana-experiment") != human {
				t.Error("a person's branch was deleted")
			}
			if mode == Run {
				// ... and, once the dashboard shows it, a re-run writes
				// nothing (the person's branch costs two reads a run: is
				// there a PR for it, whose is its commit).
				w.exec(Run, nil)
				w.fake.ResetLog()
				w.exec(Run, nil)
				if all, writes := w.fake.Counts(); writes != 0 || all != 7 {
					t.Errorf("re-run: %d requests, %d writes", all, writes)
				}
			}
		})
	}
}
