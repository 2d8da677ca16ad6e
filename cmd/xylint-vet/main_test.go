package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoVet builds xylint-vet and runs it the way users do,
// go vet -vettool=xylint-vet ./..., on a module in testdata.
func TestGoVet(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "xylint-vet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	vet := func(flags ...string) (string, error) {
		args := append([]string{"vet", "-vettool=" + bin}, flags...)
		cmd := exec.Command("go", append(args, "./...")...)
		cmd.Dir = filepath.Join("testdata", "mod")
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := vet()
	if err == nil {
		t.Fatalf("go vet passed; want findings:\n%s", out)
	}
	for _, want := range []string{
		"main.go:11:2: warning: XY005 print-call: fmt.Println in a request handler writes to stdout",
		"main.go:15:2: error: XY002 unauthenticated-route: POST /pay is reachable without authentication",
		"main.go:16:12: warning: XY006 missing-shutdown: main serves HTTP without graceful shutdown",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go vet output lacks %q:\n%s", want, out)
		}
	}

	// go vet fails on whatever it prints: -fail-on=error leaves the
	// warnings out; a bad level is a usage error.
	out, err = vet("-fail-on=error")
	if err == nil || !strings.Contains(out, "error: XY002") || strings.Contains(out, "warning: ") {
		t.Errorf("-fail-on=error: %v\n%s", err, out)
	}
	if out, err = vet("-fail-on=info"); err == nil || !strings.Contains(out, `"info" is not a level`) {
		t.Errorf("-fail-on=info: %v\n%s", err, out)
	}

	// Options reach the analyzers as vet flags; -name=false disables one.
	out, _ = vet("-unauthenticatedroute.public-paths=/pay", "-missingshutdown=false")
	if strings.Contains(out, "XY002") || strings.Contains(out, "XY006") || !strings.Contains(out, "XY005") {
		t.Errorf("with flags:\n%s", out)
	}
}

// TestFix runs the multichecker's own -fix on a copy of the module.
func TestFix(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "xylint-vet")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	dir := t.TempDir()
	for _, f := range []string{"go.mod", "main.go"} {
		data, err := os.ReadFile(filepath.Join("testdata", "mod", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, "-fix", "./...")
	cmd.Dir = dir
	out, _ := cmd.CombinedOutput()
	fixed, err := os.ReadFile(filepath.Join(dir, "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`slog.Info("paying")`, "signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)", "srv.Shutdown(shutdownCtx)"} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("fixed main.go lacks %q:\n%s\n%s", want, fixed, out)
		}
	}
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("fixed module does not build: %v\n%s", err, out)
	}
}
