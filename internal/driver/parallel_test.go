package driver

import (
	"context"
	"sync/atomic"
	"testing"
)

func TestParallelCallsEachIndexOnce(t *testing.T) {
	for _, jobs := range []int{0, 1, 3, 100} {
		seen := make([]atomic.Int32, 57)
		Parallel(context.Background(), len(seen), jobs, func(i int) { seen[i].Add(1) })
		for i := range seen {
			if n := seen[i].Load(); n != 1 {
				t.Errorf("jobs=%d: index %d called %d times", jobs, i, n)
			}
		}
	}
	Parallel(context.Background(), 0, 2, func(int) { t.Error("called with n=0") })
}

func TestParallelStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	Parallel(ctx, 1000, 1, func(i int) {
		calls.Add(1)
		if i == 9 {
			cancel()
		}
	})
	if n := calls.Load(); n != 10 {
		t.Errorf("one worker, cancelled at index 9: %d calls, want 10", n)
	}
}
