// Package safewrite writes files without harming what is there: the fixed
// sources of `xylint fix` (Replace) and the report of `-o FILE` (Output).
//
// A regular file is replaced atomically — a temporary file in the same
// directory, then a rename — so that a reader or a crash never sees half a
// file; the new file keeps the old one's permission bits, owner and group.
// Where a rename would lose something, the file is written in place
// instead: when it has several hard links (a rename would detach this name
// from the others), and when its owner or group cannot be given to the new
// file (a file of another user that this one may write). A read-only file
// is not written at all (ErrReadOnly). Symbolic links are followed and
// stay links. Temporary names fit next to any legal file name (a name of
// up to NAME_MAX bytes leaves no room for a prefix and a suffix).
//
// Output also writes to what is not a regular file, as a shell's `>`
// does: a device (/dev/null stays a device), a FIFO, a socket, or an open
// file descriptor named as /dev/stdout, /dev/fd/N or /proc/self/fd/N
// (written through the descriptor itself, so a pipe, a terminal or a file
// opened for appending gets the report as it would with `>`).
//
// Neither fsyncs: like gofmt -w and Ruff, a linter rewriting hundreds of
// files leaves durability to the file system (fsync made `xylint fix`
// over 1,600 files three times slower).
//
// Why not github.com/google/renameio/v2 (v2.0.2, read for this): it
// replaces a symlink instead of its target (Lstat), builds its temporary
// name as "." + the file's name + a number (over NAME_MAX for names of
// 240 bytes and more), always fsyncs, and keeps neither owner, group nor
// hard links; natefinch/atomic has the same temporary names and keeps
// nothing. What is needed here is those properties, in ~200 lines.
package safewrite

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrReadOnly is returned for a file without write permission: xylint does
// not rewrite what its owner made read-only.
var ErrReadOnly = errors.New("the file is read-only (xylint does not rewrite read-only files)")

// Replace writes data over the existing regular file at path (a symlink is
// followed), atomically where it can (see the package documentation). old,
// when not nil, is the file's content before: if writing in place fails
// half-way, it is written back.
func Replace(path string, data, old []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s)", fi.Mode().Type())
	}
	return replaceRegular(target, fi, func(w io.Writer) error { _, err := w.Write(data); return err }, old)
}

// Output writes what write produces to path, the way `-o FILE` should:
// a regular file (or a new one) is replaced atomically, keeping its mode,
// owner and hard links; a symlink is followed and stays a link (a dangling
// one gets its target created); a device, FIFO or socket is written to
// directly; /dev/stdout and its kin are written through the descriptor.
// New files get mode 0644.
func Output(path string, write func(io.Writer) error) error {
	target, fd, err := resolve(path)
	if err != nil {
		return err
	}
	if fd >= 0 {
		return writeDescriptor(fd, path, write)
	}
	fi, err := os.Stat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return create(target, write)
	case err != nil:
		return err
	case fi.Mode().IsRegular():
		return replaceRegular(target, fi, write, nil)
	case fi.IsDir():
		return fmt.Errorf("%s: is a directory", path)
	case fi.Mode()&fs.ModeSocket != 0:
		conn, err := net.Dial("unix", target)
		if err != nil {
			return err
		}
		return writeClose(conn, write)
	}
	// A device or a FIFO: written as it is, never replaced.
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	return writeClose(f, write)
}

// writeClose writes to w and closes it; the first error wins.
func writeClose(w io.WriteCloser, write func(io.Writer) error) error {
	if err := write(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// resolve follows path's symbolic links to the file they name, which need
// not exist (a dangling link names the file to create). When the chain
// reaches a process's file descriptor (/dev/stdout → /proc/self/fd/1), fd is
// that descriptor and target is "".
func resolve(path string) (target string, fd int, err error) {
	p := path
	for hops := 0; ; hops++ {
		if n, ok := ownDescriptor(p); ok {
			return "", n, nil
		}
		fi, err := os.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return p, -1, nil
		}
		if err != nil {
			return "", -1, err
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return p, -1, nil
		}
		if hops == 40 { // Linux's MAXSYMLINKS
			return "", -1, fmt.Errorf("%s: too many levels of symbolic links", path)
		}
		link, err := os.Readlink(p)
		if err != nil {
			return "", -1, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(p), link)
		}
		p = link
	}
}

// ownDescriptor reports whether p names one of this process's open file
// descriptors (/proc/self/fd/N, /dev/fd/N, /proc/PID/fd/N with this PID),
// and which. The kernel's links there point at pipes and sockets that no
// path reaches ("pipe:[1234]"): they are written through the descriptor.
func ownDescriptor(p string) (int, bool) {
	dir, name := filepath.Split(filepath.Clean(p))
	n, err := strconv.Atoi(name)
	if err != nil || n < 0 {
		return 0, false
	}
	dir = filepath.Clean(dir)
	if dir != "/dev/fd" && !strings.HasPrefix(dir, "/proc/") {
		return 0, false
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return 0, false
	}
	own := "/proc/" + strconv.Itoa(os.Getpid()) + "/fd"
	return n, real == own || real == "/proc/self/fd"
}

func writeDescriptor(fd int, name string, write func(io.Writer) error) error {
	// A duplicate, so that closing (or the garbage collector finalizing)
	// the *os.File does not close the process's stdout.
	dup, err := dupFD(fd)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return writeClose(os.NewFile(uintptr(dup), name), write)
}

// create writes a new file at target through a temporary file and a rename
// (without replacing a file created meanwhile by someone else would need
// link(2); a report is not worth it).
func create(target string, write func(io.Writer) error) error {
	return viaTemp(target, write, func(tmp *os.File) error { return tmp.Chmod(0o644) })
}

// replaceRegular replaces the regular file target (fi) with what write
// produces: through a temporary file that takes the file's mode, owner and
// group, or in place when the file has several links or its owner cannot be
// given to a new file.
func replaceRegular(target string, fi fs.FileInfo, write func(io.Writer) error, old []byte) error {
	if !writable(target, fi) {
		return ErrReadOnly
	}
	if links(fi) > 1 {
		return inPlace(target, write, old)
	}
	err := viaTemp(target, write, func(tmp *os.File) error {
		if err := keepOwner(tmp, fi); err != nil {
			return errOwner{err}
		}
		// After chown, which clears the setuid and setgid bits.
		return tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky))
	})
	var eo errOwner
	if errors.As(err, &eo) {
		return inPlace(target, write, old)
	}
	return err
}

type errOwner struct{ error }

// viaTemp writes a temporary file next to target, lets prepare set its
// metadata, and renames it over target. The temporary file is removed on
// any failure.
func viaTemp(target string, write func(io.Writer) error, prepare func(*os.File) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(target), tempPattern(filepath.Base(target)))
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = prepare(tmp); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// maxTempBase bounds the part of a file's name that its temporary name
// repeats: "." + base + ".xylint" + up to 10 random digits stays within
// NAME_MAX (255 bytes).
const maxTempBase = 200

// tempPattern is the os.CreateTemp pattern for a temporary file beside a
// file named base: hidden, recognisably xylint's, and short enough.
func tempPattern(base string) string {
	if len(base) > maxTempBase {
		cut := maxTempBase
		for cut > 0 && !utf8.RuneStart(base[cut]) {
			cut--
		}
		base = base[:cut]
	}
	return "." + base + ".xylint*"
}

// inPlace writes over the file itself, keeping its inode: its links, owner,
// mode and anything else attached to it. If the write fails half-way and
// the old content is known, it is written back.
func inPlace(target string, write func(io.Writer) error, old []byte) (err error) {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	restore := func(cause error) error {
		if old != nil {
			if _, werr := f.WriteAt(old, 0); werr == nil {
				f.Truncate(int64(len(old)))
				f.Close()
				return fmt.Errorf("%w (the file was restored)", cause)
			}
		}
		f.Close()
		return fmt.Errorf("%w (the file may be damaged)", cause)
	}
	if _, err := f.WriteAt(buf.Bytes(), 0); err != nil {
		return restore(err)
	}
	if err := f.Truncate(int64(buf.Len())); err != nil {
		return restore(err)
	}
	return f.Close()
}
