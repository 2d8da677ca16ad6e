package main

import (
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
)

// startProfile writes a CPU profile of the whole process to the file
// XYLINT_CPUPROFILE names, when set (for `go tool pprof`: where a run's
// time goes, start-up and output included, which a Go benchmark of the
// driver does not see). The returned function stops it; call it before
// exiting.
//
// XYLINT_TRACE names a file for an execution trace of the whole process
// (`go tool trace`: which goroutines ran when, where a run is serial).
func startProfile() func() {
	stopTrace := startTrace()
	stopCPU := startCPUProfile()
	return func() {
		stopCPU()
		stopTrace()
	}
}

func startTrace() func() {
	path := os.Getenv("XYLINT_TRACE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "xylint: XYLINT_TRACE: %v\n", err)
		return func() {}
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintf(os.Stderr, "xylint: XYLINT_TRACE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		trace.Stop()
		f.Close()
	}
}

func startCPUProfile() func() {
	path := os.Getenv("XYLINT_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "xylint: XYLINT_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "xylint: XYLINT_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
