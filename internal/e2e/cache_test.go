package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/linediff"
)

// TestCacheWarmEqualsCold: on the sample platform, a run that fills the
// cache and a warm run that reads it write the JSON report a run without
// the cache writes, byte for byte, with the same standard error and exit
// status; the cache is .xylint_cache at the project root with a
// .gitignore of *, and `xylint clean` removes it.
func TestCacheWarmEqualsCold(t *testing.T) {
	bin := xylintBinary(t)
	dir := platformCopy(t)
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil { // the project's root
		t.Fatal(err)
	}
	t.Setenv("XYLINT_CACHE_DIR", "") // the default: .xylint_cache at the root
	noCache, errs, code := runXylint(t, bin, dir, "check", "--no-cache", "--format", "json", ".")
	if code != 1 || !strings.Contains(noCache, `"XY002"`) {
		t.Fatalf("exit %d, stderr %s", code, errs)
	}
	cacheDir := filepath.Join(dir, ".xylint_cache")
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Fatalf("--no-cache wrote a cache: %v", err)
	}
	for _, run := range []string{"cold", "warm", "warm again"} {
		out, stderr, c := runXylint(t, bin, dir, "check", "--format", "json", ".")
		if out != noCache || stderr != errs || c != code {
			t.Errorf("%s run: exit %d (want %d), stderr %q (want %q), report differs from --no-cache's: %s", run, c, code, stderr, errs, linediff.Text(out, noCache))
		}
	}
	ignore, err := os.ReadFile(filepath.Join(cacheDir, ".gitignore"))
	if err != nil || !strings.Contains(string(ignore), "\n*\n") {
		t.Errorf(".xylint_cache/.gitignore: %q %v", ignore, err)
	}
	packs, _ := filepath.Glob(filepath.Join(cacheDir, "*", "*.pack"))
	if len(packs) != 1 {
		t.Errorf("packs: %v", packs)
	}

	// Named files (the pre-commit case: whole-project context from the
	// cache), and text output with source excerpts: the same as without.
	files := []string{"check", "--format", "json", "content-hub/main.py", "shared/auth.py", "qa-engine"}
	named, _, _ := runXylint(t, bin, dir, append(files[:1:1], append([]string{"--no-cache"}, files[1:]...)...)...)
	if warm, _, _ := runXylint(t, bin, dir, files...); warm != named || !strings.Contains(named, "content-hub/main.py") {
		t.Errorf("named files, warm: %s", linediff.Text(warm, named))
	}
	// Text output with source excerpts, from the warm cache: the same.
	textCold, _, _ := runXylint(t, bin, dir, "check", "--no-cache", "--color", "always", ".")
	textWarm, _, _ := runXylint(t, bin, dir, "check", "--color", "always", ".")
	if textCold != textWarm {
		t.Errorf("text output differs warm: %s", linediff.Text(textWarm, textCold))
	}

	out, _, c := runXylint(t, bin, dir, "clean")
	if c != 0 || !strings.Contains(out, "removed") {
		t.Errorf("clean: exit %d, %q", c, out)
	}
	if _, err := os.Stat(cacheDir); !os.IsNotExist(err) {
		t.Errorf("clean left %s: %v", cacheDir, err)
	}
}

// TestCacheThatCannotBeWritten: a cache directory that cannot be made
// gives one notice saying so, and the report and exit status of a run
// without it.
func TestCacheThatCannotBeWritten(t *testing.T) {
	bin := xylintBinary(t)
	dir := platformCopy(t)
	want, _, code := runXylint(t, bin, dir, "check", "--no-cache", "--format", "json", ".")
	blocked := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocked, nil, 0o444); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"--cache-dir", filepath.Join(blocked, "cache")},
		{"--cache-dir", blocked},
	} {
		out, stderr, c := runXylint(t, bin, dir, append([]string{"check", "--format", "json"}, append(args, ".")...)...)
		if out != want || c != code {
			t.Errorf("%v: exit %d (want %d), report differs: %s", args, c, code, linediff.Text(out, want))
		}
		if n := strings.Count(stderr, "could not be written"); n != 1 || !strings.Contains(stderr, "results are right") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
	}
}
