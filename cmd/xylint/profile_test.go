package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// XYLINT_CPUPROFILE and XYLINT_TRACE each write their file, in the format
// go tool pprof and go tool trace read; unset, nothing is written.
func TestProfileAndTraceFiles(t *testing.T) {
	dir := t.TempDir()
	prof, tr := filepath.Join(dir, "cpu.prof"), filepath.Join(dir, "run.trace")
	t.Setenv("XYLINT_CPUPROFILE", prof)
	t.Setenv("XYLINT_TRACE", tr)
	stop := startProfile()
	sum := 0
	for i := range 1_000_000 {
		sum += i % 7
	}
	stop()
	if b, err := os.ReadFile(prof); err != nil || !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) {
		t.Errorf("CPU profile: %v, want a gzipped profile, starts %q", err, b[:min(len(b), 8)])
	}
	if b, err := os.ReadFile(tr); err != nil || !bytes.HasPrefix(b, []byte("go 1.")) || !bytes.Contains(b[:min(len(b), 16)], []byte(" trace")) {
		t.Errorf("trace: %v, want an execution trace, starts %q", err, b[:min(len(b), 16)])
	}

	t.Setenv("XYLINT_CPUPROFILE", "")
	t.Setenv("XYLINT_TRACE", "")
	os.Remove(prof)
	startProfile()()
	if _, err := os.Stat(prof); !os.IsNotExist(err) {
		t.Errorf("unset XYLINT_CPUPROFILE wrote %s (%v)", prof, err)
	}
	_ = sum
}
