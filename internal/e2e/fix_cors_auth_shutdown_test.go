package e2e

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPlatformFixCORSAuthShutdown runs `xylint fix --unsafe-fixes` on a copy
// of the sample platform and checks what XY001 wildcard-cors, XY002
// unauthenticated-route and XY006 missing-shutdown leave: only findings
// without a fix; every changed file compiles with python3; a second fix
// changes nothing.
func TestPlatformFixCORSAuthShutdown(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("python3 is needed to compile the fixed files: %v", err)
	}
	root := repoRoot(t)
	src := filepath.Join(root, "testdata", "platform")
	dir := filepath.Join(t.TempDir(), "platform")
	copyTree(t, src, dir)

	bin := filepath.Join(t.TempDir(), "xylint")
	build := exec.Command("go", "build", "-o", bin, "./cmd/xylint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/xylint: %v\n%s", err, out)
	}
	// run returns the command's standard output, then its standard error.
	run := func(args ...string) (string, int) {
		cmd := exec.Command(bin, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "NO_COLOR=1")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatalf("xylint %s: %v", strings.Join(args, " "), err)
		}
		if args[0] == "check" {
			return out.String(), code // the JSON report alone
		}
		return out.String() + errOut.String(), code
	}
	rules := map[string]bool{"XY001": true, "XY002": true, "XY006": true}

	before := fixable(t, run, rules)
	if before["XY001"] == 0 || before["XY002"] == 0 {
		t.Fatalf("the platform has no XY001/XY002 finding with a fix before fixing (%v): the test would prove nothing", before)
	}
	out, code := run("fix", "--unsafe-fixes", ".")
	if code == 2 {
		t.Fatalf("xylint fix --unsafe-fixes: exit 2 (a fix failed or a file could not be written):\n%s", out)
	}
	for _, want := range []string{"XY001 [wildcard-cors]", "XY002 [unauthenticated-route]", "XY006 [missing-shutdown]"} {
		line := lineWith(out, want)
		if line == "" || strings.Contains(line, "fixed 0 ") {
			t.Errorf("fix summary for %s: %q, want fixes applied\n%s", want, line, out)
		}
	}
	if after := fixable(t, run, rules); len(after) > 0 {
		t.Errorf("findings with a fix left after fixing: %v", after)
	}

	// Every changed Python file compiles.
	var changed []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		a, _ := os.ReadFile(p)
		b, _ := os.ReadFile(filepath.Join(src, rel))
		if !bytes.Equal(a, b) {
			changed = append(changed, p)
		}
		return nil
	})
	if len(changed) == 0 {
		t.Fatal("fix changed no file")
	}
	if out, err := exec.Command("python3", append([]string{"-m", "py_compile"}, changed...)...).CombinedOutput(); err != nil {
		t.Errorf("fixed files do not compile: %v\n%s", err, out)
	}

	// Idempotence: a second run has nothing to do.
	if out, code := run("fix", "--unsafe-fixes", "--diff", "."); code != 0 || strings.Contains(out, "+++ ") {
		t.Errorf("a second fix would change files (exit %d):\n%s", code, out)
	}
}

// fixable counts, per rule of rules, the findings `check` reports with a
// fix.
func fixable(t *testing.T, run func(...string) (string, int), rules map[string]bool) map[string]int {
	t.Helper()
	out, _ := run("check", "--format", "json", ".")
	var report struct {
		Diagnostics []struct {
			Code string          `json:"code"`
			Fix  json.RawMessage `json:"fix"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatalf("decoding the JSON report: %v\n%s", err, out)
	}
	n := map[string]int{}
	for _, d := range report.Diagnostics {
		if rules[d.Code] && len(d.Fix) > 0 && string(d.Fix) != "null" {
			n[d.Code]++
		}
	}
	return n
}

func lineWith(s, sub string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			return l
		}
	}
	return ""
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		t.Fatalf("copying %s: %v", from, err)
	}
}
