package safewrite

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	must(t, err)
	return string(b)
}

func stat(t *testing.T, p string) *syscall.Stat_t {
	t.Helper()
	fi, err := os.Lstat(p)
	must(t, err)
	return fi.Sys().(*syscall.Stat_t)
}

func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	if m, _ := filepath.Glob(filepath.Join(dir, ".*xylint*")); len(m) > 0 {
		t.Errorf("temporary files left: %q", m)
	}
}

func TestReplaceKeepsModeOwnerAndGroup(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Fatal("this test gives a file to another user: it runs as root (as CI does)")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "app.py")
	must(t, os.WriteFile(p, []byte("old\n"), 0o640))
	must(t, os.Chmod(p, 0o750|os.ModeSetgid))
	must(t, os.Chown(p, 1234, 5678))
	before := stat(t, p)

	must(t, Replace(p, []byte("new\n"), []byte("old\n")))
	after := stat(t, p)
	if read(t, p) != "new\n" {
		t.Errorf("content %q", read(t, p))
	}
	if after.Ino == before.Ino {
		t.Errorf("written in place, want a new file renamed over the old one")
	}
	if after.Uid != 1234 || after.Gid != 5678 {
		t.Errorf("owner %d:%d, want 1234:5678", after.Uid, after.Gid)
	}
	if after.Mode != before.Mode {
		t.Errorf("mode %o, want %o", after.Mode, before.Mode)
	}
	noLeftovers(t, dir)
}

func TestReplaceKeepsHardLinks(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "app.py")
	other := filepath.Join(dir, "hardlink.py")
	must(t, os.WriteFile(p, []byte("old content\n"), 0o644))
	must(t, os.Link(p, other))
	must(t, Replace(p, []byte("new\n"), []byte("old content\n")))
	if read(t, other) != "new\n" || read(t, p) != "new\n" {
		t.Errorf("contents %q and %q", read(t, p), read(t, other))
	}
	if n := stat(t, p).Nlink; n != 2 {
		t.Errorf("%d links, want 2", n)
	}
	noLeftovers(t, dir)
}

func TestReplaceRefusesReadOnlyFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "vendored.py")
	must(t, os.WriteFile(p, []byte("old\n"), 0o444))
	if err := Replace(p, []byte("new\n"), nil); !errors.Is(err, ErrReadOnly) {
		t.Errorf("err = %v, want ErrReadOnly", err)
	}
	if read(t, p) != "old\n" {
		t.Errorf("a read-only file was written")
	}
}

func TestReplaceFollowsSymlinksAndFitsLongNames(t *testing.T) {
	dir := t.TempDir()
	name := strings.Repeat("é", 120) + ".py" // 243 bytes
	p := filepath.Join(dir, name)
	must(t, os.WriteFile(p, []byte("old\n"), 0o644))
	link := filepath.Join(dir, "link.py")
	must(t, os.Symlink(name, link))
	must(t, Replace(link, []byte("new\n"), nil))
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if read(t, p) != "new\n" {
		t.Errorf("target %q", read(t, p))
	}
	noLeftovers(t, dir)
	if Replace(filepath.Join(dir, "missing.py"), nil, nil) == nil {
		t.Error("Replace created a file")
	}
}

func TestOutputToDevicesFIFOsLinksAndDescriptors(t *testing.T) {
	dir := t.TempDir()
	report := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}

	// A character device is written to (as root the test makes its own
	// null device; /dev/null itself is not risked).
	null := filepath.Join(dir, "null")
	must(t, syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3))
	must(t, Output(null, report("x")))
	if fi, _ := os.Lstat(null); fi.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device was replaced: %v", fi.Mode())
	}

	// A FIFO is written to.
	fifo := filepath.Join(dir, "fifo")
	must(t, syscall.Mkfifo(fifo, 0o644))
	r, err := os.OpenFile(fifo, os.O_RDWR, 0)
	must(t, err)
	defer r.Close()
	must(t, Output(fifo, report("through the fifo")))
	must(t, r.SetReadDeadline(time.Now().Add(2*time.Second)))
	buf := make([]byte, 100)
	n, _ := r.Read(buf)
	if string(buf[:n]) != "through the fifo" {
		t.Errorf("fifo got %q", buf[:n])
	}

	// A pipe named by its descriptor, as /dev/stdout names fd 1.
	pr, pw, err := os.Pipe()
	must(t, err)
	defer pr.Close()
	must(t, Output("/dev/fd/"+strconv.Itoa(int(pw.Fd())), report("through the descriptor")))
	pw.Close()
	got, _ := io.ReadAll(pr)
	if string(got) != "through the descriptor" {
		t.Errorf("pipe got %q", got)
	}

	// A dangling link: its target is created, the link stays.
	link := filepath.Join(dir, "latest.json")
	must(t, os.Symlink("reports/r1.json", link))
	must(t, os.Mkdir(filepath.Join(dir, "reports"), 0o755))
	must(t, Output(link, report("first")))
	must(t, Output(link, report("second")))
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced")
	}
	if s := read(t, filepath.Join(dir, "reports", "r1.json")); s != "second" {
		t.Errorf("target %q", s)
	}
	if fi, _ := os.Stat(link); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file's mode %v", fi.Mode().Perm())
	}

	// A failing writer leaves the old report and no temporary file.
	err = Output(link, func(w io.Writer) error { io.WriteString(w, "half"); return errors.New("boom") })
	if err == nil || read(t, link) != "second" {
		t.Errorf("err %v, content %q", err, read(t, link))
	}
	noLeftovers(t, dir)
	noLeftovers(t, filepath.Join(dir, "reports"))
	if Output(dir, report("x")) == nil {
		t.Error("a directory was written")
	}
}

func TestTempPatternFitsNameMax(t *testing.T) {
	for _, base := range []string{"a", strings.Repeat("a", 238), strings.Repeat("a", 255), strings.Repeat("é", 127)} {
		p := tempPattern(base)
		if n := len(strings.Replace(p, "*", "4294967295", 1)); n > 255 {
			t.Errorf("%d-byte name: temporary name of %d bytes", len(base), n)
		}
		if !utf8.ValidString(p) || !strings.HasPrefix(p, ".") || !strings.HasSuffix(p, ".xylint*") {
			t.Errorf("pattern %q", p)
		}
	}
}
