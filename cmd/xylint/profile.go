package main

import (
	"fmt"
	"io"
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
	stopTrace := startWriting("XYLINT_TRACE", trace.Start, trace.Stop)
	stopCPU := startWriting("XYLINT_CPUPROFILE", pprof.StartCPUProfile, pprof.StopCPUProfile)
	return func() {
		stopCPU()
		stopTrace()
	}
}

// startWriting starts start into the file the environment variable env
// names, when set; the returned function stops it and closes the file.
func startWriting(env string, start func(io.Writer) error, stop func()) func() {
	path := os.Getenv(env)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "xylint: %s: %v\n", env, err)
		return func() {}
	}
	if err := start(f); err != nil {
		fmt.Fprintf(os.Stderr, "xylint: %s: %v\n", env, err)
		f.Close()
		return func() {}
	}
	return func() {
		stop()
		f.Close()
	}
}
