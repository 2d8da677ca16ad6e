package e2e

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

var built struct {
	once sync.Once
	dir  string
	bin  string
	out  []byte
	err  error
}

// TestMain removes the xylint binary and the pre-commit snapshot the
// tests share.
func TestMain(m *testing.M) {
	// xylint runs on testdata in the repository: its cache goes to a
	// temporary directory, not into the source tree.
	cacheDir, err := os.MkdirTemp("", "xylint-e2e-cache-")
	if err != nil {
		panic(err)
	}
	os.Setenv("XYLINT_CACHE_DIR", cacheDir)
	code := m.Run()
	os.RemoveAll(cacheDir)
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	if hookRepo.base != "" {
		// pre-commit's Go environment holds read-only module files.
		exec.Command("chmod", "-R", "u+w", hookRepo.base).Run()
		os.RemoveAll(hookRepo.base)
	}
	os.Exit(code)
}

// xylintBinary builds ./cmd/xylint once for all the tests of the package.
func xylintBinary(t *testing.T) string {
	t.Helper()
	root := repoRoot(t)
	built.once.Do(func() {
		built.dir, built.err = os.MkdirTemp("", "xylint-e2e-")
		if built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "xylint")
		build := exec.Command("go", "build", "-o", built.bin, "./cmd/xylint")
		build.Dir = root
		built.out, built.err = build.CombinedOutput()
	})
	if built.err != nil {
		t.Fatalf("go build ./cmd/xylint: %v\n%s", built.err, built.out)
	}
	return built.bin
}

// platformCopy copies the sample platform into a temporary directory, for
// tests that fix it.
func platformCopy(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatalf("python3 is needed to compile the fixed files: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "platform")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(repoRoot(t), "testdata", "platform"))); err != nil {
		t.Fatal(err)
	}
	// A cache xylint left in the sample (run there by hand) is not copied
	// along: a test's first run is a cold one.
	if err := os.RemoveAll(filepath.Join(dir, ".xylint_cache")); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runXylint runs the binary in dir with NO_COLOR set and returns its
// standard output, its standard error and its exit status.
func runXylint(t *testing.T, bin, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("xylint %s: %v", strings.Join(args, " "), err)
	}
	return out.String(), errOut.String(), code
}

// changedPython lists the .py files under dir (a platformCopy after a fix)
// whose content differs from the sample platform's, and checks that they
// compile with the real python3.
func changedPython(t *testing.T, dir string) []string {
	t.Helper()
	src := filepath.Join(repoRoot(t), "testdata", "platform")
	var changed []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		a, errA := os.ReadFile(p)
		b, errB := os.ReadFile(filepath.Join(src, rel))
		if errA != nil || errB != nil || !bytes.Equal(a, b) {
			changed = append(changed, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(changed) > 0 {
		if out, err := exec.Command("python3", append([]string{"-m", "py_compile"}, changed...)...).CombinedOutput(); err != nil {
			t.Errorf("fixed files do not compile: %v\n%s", err, out)
		}
	}
	return changed
}

// writeFile writes content to rel under dir, making its directories.
func writeFile(t *testing.T, dir, rel, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
