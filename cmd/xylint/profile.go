package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile of the whole process to the file
// XYLINT_CPUPROFILE names, when set (for `go tool pprof`: where a run's
// time goes, start-up and output included, which a Go benchmark of the
// driver does not see). The returned function stops it; call it before
// exiting.
func startProfile() func() {
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
