package main

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"testing"
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
	if got := debug.SetGCPercent(gcPercent); got != gcPercent {
		t.Errorf("GOGC %d, want %d", got, gcPercent)
	}
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
	tuneRuntime()
	if got := runtime.GOMAXPROCS(0); got != cpus {
		t.Errorf("GOMAXPROCS set in the environment: changed to %d", got)
	}
}
