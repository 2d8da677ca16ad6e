package main

import (
	"os"
	"runtime"
	"runtime/debug"
)

// cpus is the number of files analysed at once unless --jobs says
// otherwise: GOMAXPROCS as the runtime chose it (the CPUs this process may
// use, container limits included) or as the environment set it.
var cpus = runtime.GOMAXPROCS(0)

// tuneRuntime trades memory for time and gives the Go side of a run room
// next to the workers parsing in C.
//
// GC: a run allocates a syntax tree per file and drops it, so the live heap
// stays small (~20 MB at the end of a run on polar's 1,774 files, every
// file's facts) and the default GOGC=100 collects more often than memory
// requires. GOGC=150 with a soft limit of 512 MiB lets the heap grow to
// two and a half times the live set and makes the collector work harder
// only when a run (a very large file) approaches the limit. GOGC=400 was
// measured faster while every file's syntax tree was kept alive by mistake
// (the live set was then ~50 MB); without that, 150 costs no measurable CPU
// (python-docs-samples: 2.04–2.31 s against 1.98–2.38 s for 400; polar's
// server/: 2.42–2.92 s against 2.50–2.85 s for 200, three or four runs each
// on a loaded machine) and keeps a cold run's peak RSS under 100 MB
// (polar's server/: 86–94 MB, 95–99 at 200, 104–114 at 400; a third of it
// is outside the Go heap: the binary, tree-sitter's C memory).
//
// Processors: a worker in tree-sitter (a cgo call, ~70% of a run's CPU)
// keeps its P until the scheduler's monitor takes it back, so with one P
// per CPU the collector, file reads and the worker coming back from C wait
// for one. Twice as many Ps as workers measured 0.63 s instead of 0.74 s
// wall and 1.15 s instead of 1.31 s CPU on python-docs-samples (2 CPUs,
// medians of 15 interleaved runs); more Ps than that gained nothing, and
// more workers than CPUs was slower. Workers stay at cpus (--jobs).
//
// GOGC, GOMEMLIMIT and GOMAXPROCS in the environment win.
// gcPercent is the GOGC a run sets (see tuneRuntime).
const gcPercent = 150

func tuneRuntime() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(512 << 20)
	}
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(2 * cpus)
	}
}
