package driver

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel calls do(i) for every i in [0, n) on at most jobs goroutines
// (GOMAXPROCS when jobs <= 0), handing out indexes in order, and returns
// when every call has returned. Once ctx is done no new index is handed
// out; the caller checks ctx.Err() afterwards. The producers, the
// suppression pass and the fix runs share it.
func Parallel(ctx context.Context, n, jobs int, do func(i int)) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(jobs, n)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}
