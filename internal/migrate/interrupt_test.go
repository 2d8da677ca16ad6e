package migrate

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// Ctrl-C at any write of a run — the write in flight may or may not be
// done — stops the run, and the next run finishes the job: the same state
// as a run without interruption, no duplicate pull request, no branch
// without one.
func TestInterruptedRunIsRepaired(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the campaign twice per write of a run")
	}
	useMemo(t)
	clean := newWorld(t, false, nil)
	clean.fake.ResetLog()
	clean.exec(Run, nil)
	want := clean.state()
	_, writes := clean.fake.Counts()
	for n := 1; n <= writes; n++ {
		t.Run(fmt.Sprintf("write %d of %d", n, writes), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var mu sync.Mutex
			seen := 0
			hook := func(method, path string) {
				mu.Lock()
				defer mu.Unlock()
				if method != "GET" {
					if seen++; seen == n {
						cancel()
					}
				}
			}
			w := newWorldWith(t, false, ghfake.Options{Hook: hook}, nil)
			rep, err := Execute(ctx, Options{Campaign: w.c, Toolset: toolset.Default(), Mode: Run, Client: w.client(nil), Clock: w.fake.Clock, Dashboard: true})
			if err != nil {
				t.Fatal(err)
			}
			if ctx.Err() == nil {
				t.Fatalf("the hook did not cancel the run (%d writes seen)", seen)
			}
			if len(reportErrors(rep)) == 0 {
				// The cancelled write (or one in flight beside it) was the
				// run's last and its response arrived before the client saw
				// the cancellation: the run finished. It must then have
				// finished the job.
				if got := w.state(); got != want {
					t.Fatalf("a run whose last write raced the interruption:\n%s\nwant:\n%s", got, want)
				}
			}
			rep = w.exec(Run, nil)
			if errs := reportErrors(rep); len(errs) > 0 {
				t.Fatalf("the next run: %v", errs)
			}
			if got := w.state(); got != want {
				t.Fatalf("after the interruption and a re-run:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}
