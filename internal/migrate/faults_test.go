package migrate

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// TestFaultMatrix injects each fault at each step of a run (every route
// the run uses, on its second use where it has one, before and after the
// request is applied), then runs again without faults: every time the
// result is the state a run without faults leaves — no duplicate PR, no
// branch without a PR, no lost commit, nothing missing — and no token
// appears in any output. Two runs are put through it: the first one, which
// opens every pull request, and a later one after the base moved, which
// rebuilds a branch, closes an emptied service's pull request and deletes
// its branch, and leaves a person's branch alone.
func TestFaultMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault matrix runs the campaign ~500 times")
	}
	useMemo(t)
	total := 0
	for _, sc := range []struct {
		name  string
		setup func(w *world) // before the run under test
	}{
		{"first run", func(w *world) {}},
		{"later run", func(w *world) {
			w.exec(Run, nil)
			main := w.fake.Files("xynergy", "platform", "main")
			// marketing-engine's code moves (its branch is rebuilt),
			// security-governance is fixed by hand (its PR is closed, its
			// branch deleted), Dana pushes to executive-dashboard's branch
			// (left alone, one comment).
			fixed := w.fake.Files("xynergy", "platform", "xylint/clients/security-governance")["security-governance/api.py"]
			w.fake.Commit("xynergy", "platform", "main", map[string]string{
				"marketing-engine/main.py":   main["marketing-engine/main.py"] + "\n# moved\n",
				"security-governance/api.py": fixed,
			}, nil, ghfake.Person{Name: "Eve", Email: "eve@example.com"}, "base moves")
			w.fake.Commit("xynergy", "platform", "xylint/clients/executive-dashboard", map[string]string{"executive-dashboard/NOTES.md": "wip\n"}, nil,
				ghfake.Person{Name: "Dana", Email: "dana@example.com"}, "wip")
		}},
	} {
		t.Run(sc.name, func(t *testing.T) {
			mk := func(t *testing.T) *world {
				w := newWorld(t, false, nil)
				sc.setup(w)
				return w
			}
			clean := mk(t)
			clean.fake.ResetLog()
			clean.exec(Run, nil)
			want := clean.state()
			if _, writes := clean.fake.Counts(); writes == 0 || !strings.Contains(want, " pr ") {
				t.Fatal("the clean run wrote nothing")
			}
			// The steps: each route of the clean run, and how often it
			// was used.
			uses := map[string]int{}
			var routes []string
			for _, e := range clean.fake.Log() {
				if uses[e.Route] == 0 {
					routes = append(routes, e.Route)
				}
				uses[e.Route]++
			}
			kinds := []ghfake.Fault{
				{Kind: ghfake.PrimaryLimit},
				{Kind: ghfake.Secondary403},
				{Kind: ghfake.Secondary429, RetryAfter: 20 * time.Second},
				{Kind: ghfake.Secondary429, Times: 10}, // past the retry bound: the step fails
				{Kind: ghfake.BadGateway},
				{Kind: ghfake.Unavailable, Times: 10},
				{Kind: ghfake.Timeout},
				{Kind: ghfake.Drop},
			}
			runs := 0
			for _, route := range routes {
				write := !strings.HasPrefix(route, "GET ")
				for _, k := range kinds {
					for _, after := range []bool{false, true} {
						if after && (!write || k.Kind == ghfake.PrimaryLimit || strings.HasPrefix(string(k.Kind), "secondary")) {
							continue // rate limits are answered before GitHub does anything
						}
						f := k
						f.Route, f.After = route, after
						f.Nth = min(2, uses[route])
						name := fmt.Sprintf("%s/%s×%d/after=%v", route, f.Kind, max(f.Times, 1), after)
						t.Run(name, func(t *testing.T) {
							w := mk(t)
							w.fake.AddFault(f)
							faulty := w.execWith(Run, func(o *ghclient.Options) { o.Timeout = 100 * time.Millisecond; o.MaxAttempts = 4 })
							w.fake.ClearFaults()
							rep := w.exec(Run, nil)
							if errs := reportErrors(rep); len(errs) > 0 {
								t.Fatalf("clean re-run: %v", errs)
							}
							if got := w.state(); got != want {
								t.Fatalf("after the fault and a clean re-run:\n%s\nwant:\n%s", got, want)
							}
							var out strings.Builder
							Write(&out, rep, "json")
							Write(&out, faulty, "text")
							// Neither the token nor an archive link's token
							// (a download that failed names its URL).
							if s := out.String() + w.logs.String(); strings.Contains(s, canary) || strings.Contains(s, "token=ARCHIVE") {
								t.Fatal("a token leaked")
							}
						})
						runs++
					}
				}
			}
			total += runs
			t.Logf("%s: %d faults injected over %d routes", sc.name, runs, len(routes))
		})
	}
	t.Logf("%d faults in all", total)
}
