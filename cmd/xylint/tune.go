package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
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
// A floor under the heap: GOGC=150 alone starts collecting at 6 MB (the
// runtime's 4 MB times 1.5) and collected eight times in a run of XY004 and
// XY005 on python-docs-samples, five of them before the heap reached 20 MB,
// each cycle with its fixed costs (and a mark worker on one of the two
// cores the parsers need); ~7% of the run's CPU time in gctrace. So the
// collector is off until the heap reaches heapFloor (a memory limit of
// that size starts the first cycle), and after each cycle the live heap
// decides: while GOGC=150's goal (2.5 times the live heap) stays under the
// goal the floor gives (the limit counts the runtime's other memory too:
// ~46 MB of heap), the floor stays; once it is above, GOGC=150 and the soft
// limit of 512 MiB take over for the rest of the run. The peak heap is
// what GOGC=150's goal makes it for a run whose live heap grows past a
// fifth of the floor (all rules on python-docs-samples, polar's server/),
// and at most the floor for smaller runs.
//
// GOGC, GOMEMLIMIT and GOMAXPROCS in the environment win (either of the
// first two turns the floor off).

// gcPercent is the GOGC a run sets (see tuneRuntime).
const gcPercent = 150

// heapFloor is the heap below which the collector does not run (see
// tuneRuntime).
const heapFloor = 64 << 20

// memoryLimit is the soft limit once the floor is left.
const memoryLimit = 512 << 20

func tuneRuntime() {
	gogc, limit := os.Getenv("GOGC") == "", os.Getenv("GOMEMLIMIT") == ""
	if gogc && limit {
		debug.SetGCPercent(-1)
		debug.SetMemoryLimit(heapFloor)
		watchHeap(func(live, goal uint64) bool {
			if live*(100+gcPercent)/100 < goal {
				return true
			}
			debug.SetGCPercent(gcPercent)
			debug.SetMemoryLimit(memoryLimit)
			return false
		})
	} else {
		if gogc {
			debug.SetGCPercent(gcPercent)
		}
		if limit {
			debug.SetMemoryLimit(memoryLimit)
		}
	}
	if os.Getenv("GOMAXPROCS") == "" {
		runtime.GOMAXPROCS(2 * cpus)
	}
}

// watchHeap calls after with the live heap and the heap goal (bytes) after
// each collection cycle, until it returns false. A cleanup attached to an
// object nothing keeps runs after the cycle that found it unreachable.
func watchHeap(after func(live, goal uint64) bool) {
	sentinel := new(gcSentinel)
	runtime.AddCleanup(sentinel, func(struct{}) {
		s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
		metrics.Read(s)
		if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 ||
			after(s[0].Value.Uint64(), s[1].Value.Uint64()) {
			watchHeap(after)
		}
	}, struct{}{})
}

// gcSentinel is large enough and holds a pointer, so that it is not
// combined with other small objects (the tiny allocator), whose cleanups
// may never run.
type gcSentinel struct {
	_ *int
	_ [2]uintptr
}
