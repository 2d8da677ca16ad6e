package main

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"
)

// tuneRuntime doubles the Ps and leaves the workers at the CPUs; what the
// environment sets wins.
func TestTuneRuntime(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	gc := debug.SetGCPercent(100)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		runtime.GOMAXPROCS(procs)
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	})
	for _, env := range []string{"GOMAXPROCS", "GOGC", "GOMEMLIMIT"} {
		if v, ok := os.LookupEnv(env); ok {
			t.Cleanup(func() { os.Setenv(env, v) })
			os.Unsetenv(env)
		}
	}

	runtime.GOMAXPROCS(cpus)
	tuneRuntime()
	if got := runtime.GOMAXPROCS(0); got != 2*cpus {
		t.Errorf("GOMAXPROCS %d, want %d (2 × %d CPUs)", got, 2*cpus, cpus)
	}
	// The collector is off under the floor; a cycle that leaves more live
	// heap than GOGC=150 would need below the floor's goal hands over to
	// GOGC=150 and the soft limit.
	if gogc, limit := gcSettings(); gogc != -1 || limit != heapFloor {
		t.Errorf("at the start: GOGC %d, limit %d; want off and %d", gogc, limit, heapFloor)
	}
	live := make([][]byte, 40)
	for i := range live {
		live[i] = make([]byte, 1<<20)
	}
	for deadline := time.Now().Add(10 * time.Second); ; {
		runtime.GC()
		if gogc, limit := gcSettings(); gogc == gcPercent && limit == memoryLimit {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("40 MB live after a collection: GOGC %d, limit %d; want %d and %d", gogc, limit, gcPercent, memoryLimit)
		}
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(live)
	var f checkFlags
	f.maxFileSize = "1M"
	cmd := checkCmd(os.Stdout, os.Stderr)
	cmd.SetContext(context.Background())
	if _, err := f.run(cmd, []string{t.TempDir()}, os.Stderr); err != nil {
		t.Fatal(err)
	}
	if f.jobs != cpus {
		t.Errorf("default jobs %d, want the %d CPUs", f.jobs, cpus)
	}

	runtime.GOMAXPROCS(cpus)
	t.Setenv("GOMAXPROCS", "3")
	t.Setenv("GOGC", "100")
	debug.SetGCPercent(100)
	tuneRuntime()
	if got := runtime.GOMAXPROCS(0); got != cpus {
		t.Errorf("GOMAXPROCS set in the environment: changed to %d", got)
	}
	if gogc, limit := gcSettings(); gogc != 100 || limit != memoryLimit {
		t.Errorf("GOGC set in the environment: GOGC %d, limit %d; want 100 (no floor) and %d", gogc, limit, memoryLimit)
	}
}

// gcSettings are the collector's GOGC (-1: off) and memory limit.
func gcSettings() (gogc int64, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}
