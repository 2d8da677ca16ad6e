package fix

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"
)

// WriteFileAtomic replaces the file at path with data through a temporary
// file in the same directory and a rename, so that a crash or a concurrent
// reader never sees half a file. (It does not fsync: like gofmt -w and
// Ruff, a linter rewriting hundreds of files leaves durability to the file
// system; fsync made `xylint fix` over 1,600 files three times slower.) The new file keeps the old one's
// permission bits (and setuid/setgid/sticky bits); a symbolic link is
// followed and its target replaced, so the link stays a link.
func WriteFileAtomic(path string, data []byte) (err error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	fi, err := os.Stat(target)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".xylint*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(fi.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), target)
}

// ErrChanged is returned by WriteIfUnchanged when the file on disk is no
// longer the content that was fixed.
var ErrChanged = errors.New("the file changed on disk while it was being fixed; it was not written")

// WriteIfUnchanged writes fixed over path only if the file still holds old
// (the content the fixes were computed on): an editor saving the file in
// the meantime must not lose its change.
func WriteIfUnchanged(path string, old, fixed []byte) error {
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return ErrChanged
	}
	return WriteFileAtomic(path, fixed)
}

// Diff is a unified diff of a file's old and new content, labelled a/path
// and b/path as git does, or "" when they are equal.
func Diff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	p := strings.TrimPrefix(filepath.ToSlash(path), "/")
	return udiff.Unified("a/"+p, "b/"+p, string(old), string(new))
}
