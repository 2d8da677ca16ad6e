package main

import (
	"os"
	"runtime/debug"
)

// tuneGC trades memory for time: a run allocates a syntax tree per file and
// drops it, so the live heap stays small (~30 MB on 3,800 files) and the
// default GOGC=100 collects far more often than memory requires. GOGC=400
// with a soft limit of 512 MiB lets the heap grow to a few times the live
// set and makes the collector work harder only when a run (a very large
// file) approaches the limit. GOGC and GOMEMLIMIT in the environment win.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
}
