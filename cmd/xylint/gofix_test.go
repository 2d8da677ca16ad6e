package main

import (
	"encoding/json"
	"go/format"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/validators"
)

// End-to-end tests of `xylint check` and `xylint fix` on Go modules.

// copyTree copies the directory src into a new temporary directory.
func copyTree(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dst, rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

const gateway = "../../testdata/platform/go-services/attribution-gateway"

func TestFixGoModule(t *testing.T) {
	root := copyTree(t, gateway)
	files := []string{"main.go", "internal/store/store.go"}
	before := map[string]string{}
	for _, f := range files {
		before[f] = readFile(t, filepath.Join(root, f))
	}

	// --diff shows the fixes and writes nothing.
	r := xylint(t, root, "fix", "--diff", ".")
	if r.code != 1 {
		t.Fatalf("fix --diff: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, s := range []string{
		"--- a/main.go", "+	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)",
		"--- a/internal/store/store.go", `+		slog.Info("store: replacing conversion", "id", c.ID)`,
	} {
		if !strings.Contains(r.stdout, s) {
			t.Errorf("diff lacks %q:\n%s", s, r.stdout)
		}
	}
	for _, f := range files {
		if readFile(t, filepath.Join(root, f)) != before[f] {
			t.Errorf("fix --diff changed %s", f)
		}
	}

	// fix applies the shutdown and slog fixes; the files are gofmt'd and
	// the module still builds.
	r = xylint(t, root, "fix", ".")
	if r.code != 1 { // the findings without a fix are left
		t.Fatalf("fix: exit %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "Fixed 2 findings in 2 files") || r.stderr != "" {
		t.Errorf("fix output:\n%s\nstderr:\n%s", r.stdout, r.stderr)
	}
	after := map[string]string{}
	for _, f := range files {
		after[f] = readFile(t, filepath.Join(root, f))
		formatted, err := format.Source([]byte(after[f]))
		if err != nil || string(formatted) != after[f] {
			t.Errorf("%s is not gofmt'd (%v):\n%s", f, err, after[f])
		}
	}
	if !strings.Contains(after["main.go"], "srv.Shutdown(shutdownCtx)") || !strings.Contains(after["internal/store/store.go"], `"log/slog"`) {
		t.Errorf("fixes not applied:\n%s\n%s", after["main.go"], after["internal/store/store.go"])
	}
	build := exec.Command("go", "vet", "./...")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("the fixed module does not build: %v\n%s", err, out)
	}

	// A second run changes nothing.
	r = xylint(t, root, "fix", ".")
	if !strings.Contains(r.stdout, "Fixed 0 findings in 0 files; 8 findings left.") {
		t.Errorf("second fix:\n%s", r.stdout)
	}
	for _, f := range files {
		if readFile(t, filepath.Join(root, f)) != after[f] {
			t.Errorf("second fix changed %s", f)
		}
	}
	if r := xylint(t, root, "fix", "--diff", "."); r.code != 0 || r.stdout != "" {
		t.Errorf("fix --diff after fix: exit %d\n%s", r.code, r.stdout)
	}
}

// One run (`xylint check ./...`, as Go users type it) checks the Go module
// and the Python file next to it: one report in every format, one exit
// status.
func TestCheckGoAndPython(t *testing.T) {
	root := copyTree(t, gateway)
	if err := os.WriteFile(filepath.Join(root, "tool.py"), []byte("def f():\n    print('x')\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "sarif", "github"} {
		r := xylint(t, root, "check", "--format", format, "./...")
		if r.code != 1 {
			t.Errorf("%s: exit %d, want 1\n%s", format, r.code, r.stderr)
		}
		for _, s := range []string{"tool.py", "main.go", "internal/store/store.go", "XY006", "XY005"} {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("%s output lacks %q:\n%s", format, s, r.stdout)
			}
		}
		switch format {
		case "sarif":
			validators.AJV(t, validators.SARIFSchema(t), r.stdout)
			validators.SARIFMultitool(t, r.stdout)
		case "json":
			validators.AJV(t, validators.JSONOutputSchema(t), r.stdout)
			var report struct {
				Diagnostics []struct {
					Path     string `json:"path"`
					Language string `json:"language"`
				} `json:"diagnostics"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &report); err != nil {
				t.Fatal(err)
			}
			langs := map[string]int{}
			for _, d := range report.Diagnostics {
				langs[d.Language]++
			}
			if langs["go"] != 10 || langs["python"] != 1 {
				t.Errorf("findings by language %v, want 10 go and 1 python", langs)
			}
		}
	}
}
