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
// branch without a PR, nothing missing — and the canary token appears in
// no output.
func TestFaultMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("the fault matrix runs the campaign ~200 times")
	}
	useMemo(t)
	mk := func(t *testing.T) *world { return newWorld(t, false, nil) }
	clean := mk(t)
	clean.fake.ResetLog()
	clean.exec(Run, nil)
	want := clean.state()
	if !strings.Contains(want, " pr ") {
		t.Fatal("the clean run opened no PR")
	}
	// The steps: each route of the clean run, and how often it was used.
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
					// Neither the token nor an archive link's token (a
					// download that failed names its URL).
					if s := out.String() + w.logs.String(); strings.Contains(s, canary) || strings.Contains(s, "token=ARCHIVE") {
						t.Fatal("a token leaked")
					}
				})
				runs++
			}
		}
	}
	t.Logf("%d faults injected over %d routes", runs, len(routes))
}
