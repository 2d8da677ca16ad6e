package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// The safety guarantees of docs/safety.md, end to end: each test
// reproduces one way the tool could harm a user's files or mislead its
// reader.

// A pull request from a fork can hold "netrc.py -> ~/.netrc": the link
// leaves the checked tree, so it is skipped with a notice and its content
// never appears in the output.
func TestSymlinkOutOfTheTreeIsNotRead(t *testing.T) {
	secret := filetree.Temp(t, map[string]string{"netrc": "machine github.com password hunter2-secret\nprint(password)\n"})
	root := filetree.Temp(t, map[string]string{"svc/main.py": "print('x')\n", "shared/util.py": "print('shared')\n"})
	must(t, os.Symlink(filepath.Join(secret, "netrc"), filepath.Join(root, "svc", "netrc.py")))
	must(t, os.Symlink("../shared", filepath.Join(root, "svc", "shared")))

	r := xylint(t, root, "check", "--color", "always", ".")
	expect(t, r, 1, "svc/main.py", "shared/util.py")
	if strings.Contains(r.stdout+r.stderr, "hunter2") {
		t.Errorf("the linked file's content was printed:\n%s\n%s", r.stdout, r.stderr)
	}
	if !strings.Contains(r.stderr, "xylint: notice: svc/netrc.py: skipped: symbolic link to ") {
		t.Errorf("no notice for the link:\n%s", r.stderr)
	}
	// Checking svc/ alone, the link to ../shared leaves the tree too.
	r = xylint(t, root, "check", "svc")
	expect(t, r, 1, "svc/main.py")
	if strings.Contains(r.stdout, "util.py") || !strings.Contains(r.stderr, "svc/shared: skipped: symbolic link") {
		t.Errorf("svc/shared followed out of svc/:\n%s\n%s", r.stdout, r.stderr)
	}
}

// -o never replaces what is not a regular file: a symlink is followed, a
// device or FIFO is written to; and a temporary name fits next to any
// legal file name.
func TestOutputFileIsNeverReplacedBlindly(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"m.py": "print('x')\n"})

	// A character device stays one (as root, a rename would replace
	// /dev/null with a regular file for everyone). The test makes its own
	// null device rather than risk the machine's.
	null := filepath.Join(root, "null")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Fatalf("mknod (the tests run as root): %v", err)
	}
	r := xylint(t, root, "check", "-o", null)
	expect(t, r, 1)
	if fi, err := os.Lstat(null); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v %v", fi.Mode(), err)
	}

	// /dev/stdout is a link to /proc/self/fd/1: into a pipe, the report
	// arrives on stdout and the link stays.
	stdout := filepath.Join(root, "stdout")
	must(t, os.Symlink("/proc/self/fd/1", stdout))
	r = xylint(t, root, "check", "--format", "json", "-o", stdout)
	expect(t, r, 1, `"code": "XY005"`)
	if fi, err := os.Lstat(stdout); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}

	// A FIFO is written to, not replaced.
	fifo := filepath.Join(root, "report.fifo")
	must(t, syscall.Mkfifo(fifo, 0o644))
	// Held open read-write, the FIFO neither blocks this test nor its
	// writer; what xylint wrote is read with a deadline.
	pipe, err := os.OpenFile(fifo, os.O_RDWR, 0)
	must(t, err)
	defer pipe.Close()
	r = xylint(t, root, "check", "-o", fifo)
	expect(t, r, 1)
	must(t, pipe.SetReadDeadline(time.Now().Add(2*time.Second)))
	buf := make([]byte, 64<<10)
	n, _ := pipe.Read(buf)
	if !bytes.Contains(buf[:n], []byte("m.py:1:1: warning: XY005")) {
		t.Errorf("the FIFO's reader got %q", buf[:n])
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", fi.Mode(), err)
	}

	// A symlink is followed: the link stays, its target gets the report.
	target := filepath.Join(root, "reports", "out.txt")
	must(t, os.MkdirAll(filepath.Dir(target), 0o755))
	must(t, os.WriteFile(target, []byte("old"), 0o600))
	link := filepath.Join(root, "latest.txt")
	must(t, os.Symlink("reports/out.txt", link))
	expect(t, xylint(t, root, "check", "-o", link), 1)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if b, _ := os.ReadFile(target); !bytes.Contains(b, []byte("XY005")) {
		t.Errorf("target holds %q", b)
	}
	if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
		t.Errorf("target's mode %v, want the file's own 0600 kept", fi.Mode().Perm())
	}

	// A 250-byte name (NAME_MAX is 255): the temporary name must fit too.
	long := filepath.Join(root, strings.Repeat("r", 245)+".json")
	r = xylint(t, root, "check", "--format", "json", "-o", long)
	expect(t, r, 1)
	if b, err := os.ReadFile(long); err != nil || !bytes.Contains(b, []byte(`"XY005"`)) {
		t.Errorf("long name: %v\n%s", err, r.stderr)
	}
	leftovers, _ := filepath.Glob(filepath.Join(root, ".*"))
	leftovers = slices.DeleteFunc(leftovers, func(p string) bool { return filepath.Base(p) == ".xylint_cache" })
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %q", leftovers)
	}
}

// File names and source text cannot start a line of their own in a CI log
// or move a terminal's cursor: control characters are escaped.
func TestTextOutputEscapesControlCharacters(t *testing.T) {
	root := t.TempDir()
	name := "x\n::error file=app.py::pwned\x1b[2J.py"
	must(t, os.WriteFile(filepath.Join(root, name), []byte("print('\\x1b')  \x1b[31m\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(root, "long.py"), []byte("print('"+strings.Repeat("A", 2<<20)+"')\n"), 0o644))
	r := xylint(t, root, "check", "--color", "always", "--max-file-size", "4M")
	expect(t, r, 1, `x\n::error file=app.py::pwned\x1b[2J.py`)
	for _, line := range strings.Split(r.stdout+r.stderr, "\n") {
		if strings.HasPrefix(line, "::") {
			t.Errorf("a line starts with a workflow command: %q", line)
		}
	}
	// Only the colours xylint adds are escape sequences: ESC followed by
	// "[" and digits and "m".
	if bad := regexp.MustCompile(`\x1b[^\[]|\x1b\[[0-9;]*[^0-9;m]`).FindString(r.stdout); bad != "" {
		t.Errorf("a raw escape sequence %q in the output", bad)
	}
	if len(r.stdout) > 4<<10 {
		t.Errorf("the 2 MB line was printed: %d bytes of output", len(r.stdout))
	}
}

// SARIF URIs are relative references that cannot be read as a scheme
// ("colon::x.py" is scheme "colon" to a URI parser), and columns count from
// the first character after a byte-order mark.
func TestSARIFURIsAndBOMColumns(t *testing.T) {
	root := filetree.Temp(t, map[string]string{"colon::x.py": "print(1)\n", "bom.py": "\ufeffprint(1)\n"})
	r := xylint(t, root, "check", "--format", "sarif")
	expect(t, r, 1, `"uri": "./colon::x.py"`)
	r = xylint(t, root, "check")
	expect(t, r, 1, "bom.py:1:1: warning: XY005")
}
