package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// What `xylint fix` guarantees about the files it writes (docs/safety.md),
// end to end.

// fix keeps a file's owner, group, mode and hard links.
func TestFixKeepsOwnerModeAndLinks(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test gives files to another user: it runs as root (as CI does)")
	}
	root := filetree.Temp(t, map[string]string{"svc/main.py": "def f(request):\n    print('x')\n", "svc/other.py": "def f(request):\n    print('y')\n", "logconf.py": logSetup})
	main := filepath.Join(root, "svc", "main.py")
	must(t, os.Chmod(main, 0o640))
	must(t, os.Chown(main, 1234, 5678))
	other := filepath.Join(root, "svc", "other.py")
	must(t, os.Link(other, filepath.Join(root, "other-link.py.txt")))

	r := xylint(t, root, "fix", "svc")
	expect(t, r, 0, "Fixed 2 findings in 2 files")
	fi, _ := os.Stat(main)
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != 1234 || st.Gid != 5678 || fi.Mode().Perm() != 0o640 {
		t.Errorf("main.py: owner %d:%d mode %v, want 1234:5678 0640", st.Uid, st.Gid, fi.Mode().Perm())
	}
	linked, _ := os.ReadFile(filepath.Join(root, "other-link.py.txt"))
	if !bytes.Contains(linked, []byte("logger.info")) {
		t.Errorf("the hard link was broken: it still holds %q", linked)
	}
}

// A read-only file is not rewritten: an error says so, the run exits 2, and
// the summary does not count its fixes as made.
func TestFixRefusesReadOnlyFiles(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"ro.py": "def f(request):\n    print('x')\n", "rw.py": "def f(request):\n    print('y')\n", "logconf.py": logSetup})
	must(t, os.Chmod(filepath.Join(root, "ro.py"), 0o444))
	r := xylint(t, root, "fix")
	expect(t, r, 2, "Fixed 1 finding in 1 file; 1 finding left.", "ro.py:2:5: warning: XY005 [print-call] `print` call in service code (reached from request handler `f`); use the module logger (not written)")
	if !strings.Contains(r.stderr, "xylint: error: ro.py: the file is read-only") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(root, "ro.py")); string(b) != "def f(request):\n    print('x')\n" {
		t.Errorf("a read-only file was written: %q", b)
	}
}

// fix does not write through a link that leaves the given paths.
func TestFixDoesNotWriteThroughLinksOutOfTheTree(t *testing.T) {
	outside := filetree.Temp(t, map[string]string{"lib.py": "def f(request):\n    print('outside')\n"})
	root := filetree.Temp(t, map[string]string{"svc/main.py": "def f(request):\n    print('x')\n", "logconf.py": logSetup})
	must(t, os.Symlink(filepath.Join(outside, "lib.py"), filepath.Join(root, "svc", "lib.py")))
	r := xylint(t, root, "fix", "svc")
	expect(t, r, 0, "Fixed 1 finding in 1 file")
	if b, _ := os.ReadFile(filepath.Join(outside, "lib.py")); string(b) != "def f(request):\n    print('outside')\n" {
		t.Errorf("a file outside the tree was written: %q", b)
	}
}

// runPython runs code in dir with python3 and returns its combined output
// and whether it succeeded.
func runPython(t *testing.T, dir, code string) (string, bool) {
	t.Helper()
	cmd := exec.Command("python3", "-c", code)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err == nil
}

// A safe fix never yields code that fails at run time: names bound only for
// type checkers do not count (the three cases), and the fixed code
// runs.
func TestSafeFixesDoNotRelyOnTypeCheckingNames(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"shared/__init__.py":       "",
		"shared/gcp_clients.py":    "def get_bigquery_client():\n    return 'pooled'\n",
		"google/cloud/bigquery.py": "class Client:\n    pass\n",
		"logconf.py":               logSetup,
		"a.py": `from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging


def f(request):
    print("x")
`,
		"b.py": `from typing import TYPE_CHECKING

from google.cloud import bigquery

if TYPE_CHECKING:
    from shared.gcp_clients import get_bigquery_client


def report():
    client = bigquery.Client()
    return client
`,
		"c.py": `from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import logging

    logger = logging.getLogger(__name__)


def g():
    try:
        return 1 / 0
    except Exception:
        pass
`,
	})
	r := xylint(t, root, "fix", "--unsafe-fixes", ".")
	if r.code == 2 {
		t.Fatalf("exit 2:\n%s\n%s", r.stdout, r.stderr)
	}
	out, ok := runPython(t, root, "import a, b, c\na.f(None)\nb.report()\nc.g()\n")
	if !ok {
		t.Errorf("the fixed code fails when it runs:\n%s\n%s", out, r.stdout)
	}
	// A second run changes nothing.
	r = xylint(t, root, "fix", "--diff", "--unsafe-fixes", ".")
	if strings.Contains(r.stdout, "+++ ") {
		t.Errorf("a second fix changes more:\n%s", r.stdout)
	}
}

// A fix that would import a module the code cannot import is withheld, and
// the finding says which setting would allow it; with the setting, the fix
// is made.
func TestFixImportsMustResolve(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"svc/main.py": `from google.cloud import bigquery


def report():
    return list(bigquery.Client().query("q"))
`,
	})
	// A client built per call of code no service reaches is a note: it
	// does not fail the run, and its message still says why it has no fix.
	r := xylint(t, root, "check", "svc")
	expect(t, r, 0, "note: XY003", "(no fix: it would import shared.gcp_clients", `add "shared" to importable-modules in [tool.xylint]`)
	r = xylint(t, root, "fix", "--diff", "--unsafe-fixes", "svc")
	if strings.Contains(r.stdout, "shared.gcp_clients") {
		t.Errorf("a fix imports a module the project does not have:\n%s", r.stdout)
	}
	must(t, os.WriteFile(filepath.Join(root, "pyproject.toml"), []byte("[tool.xylint]\nimportable-modules = [\"shared\"]\n"), 0o644))
	r = xylint(t, root, "fix", "--diff", "--unsafe-fixes", "svc")
	expect(t, r, 1, "+from shared.gcp_clients import get_bigquery_client")
}

// Stubs get no fixes: a fix adds code that runs, a stub has none.
func TestNoFixesInStubs(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"api.pyi": "def f() -> None: ...\nprint(1)\n"})
	r := xylint(t, root, "fix", "--diff", ".")
	if strings.Contains(r.stdout, "+++ ") || strings.Contains(r.stdout, "logger") {
		t.Errorf("a stub was fixed:\n%s", r.stdout)
	}
	expect(t, xylint(t, root, "check", "."), 1, "api.pyi:2:1: warning: XY005")
}

// A Go fix never changes whether a file is built: gofmt would have moved
// an inert trailing `// +build ignore` to the top of the file.
func TestGoFixKeepsBuildConstraints(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		"go.mod":     "module example.com/gb\n\ngo 1.26\n",
		"svc/svc.go": "package svc\n\nimport \"fmt\"\n\nfunc F() {\n\tfmt.Println(\"x\")\n}\n\n// +build ignore\n",
		"main.go":    "package main\n\nimport \"example.com/gb/svc\"\n\nfunc main() { svc.F() }\n",
	})
	expect(t, xylint(t, root, "fix", "--select", "XY005", "svc"), 0, "Fixed 1 finding in 1 file")
	b, _ := os.ReadFile(filepath.Join(root, "svc", "svc.go"))
	if !bytes.Contains(b, []byte("slog.Info")) || !bytes.HasPrefix(b, []byte("package svc\n")) {
		t.Errorf("svc.go after the fix:\n%s", b)
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("go build fails after the fix: %v\n%s", err, out)
	}
}
