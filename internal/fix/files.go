package fix

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"

	udiff "github.com/aymanbagabas/go-udiff"

	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/safewrite"
)

// ErrChanged is returned by WriteIfUnchanged when the file on disk is no
// longer the content that was fixed.
var ErrChanged = errors.New("the file changed on disk while it was being fixed; it was not written")

// WriteIfUnchanged writes fixed over path only if the file still holds old
// (the content the fixes were computed on): an editor saving the file in
// the meantime must not lose its change. The write is safewrite.Replace's:
// atomic, keeping the file's owner, group, mode and hard links, following
// a symlink, and refusing a read-only file (safewrite.ErrReadOnly).
func WriteIfUnchanged(path string, old, fixed []byte) error {
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return ErrChanged
	}
	return safewrite.Replace(path, fixed, old)
}

// Diff is a unified diff of a file's old and new content, labelled a/path
// and b/path as git does, or "" when they are equal. A path with control
// characters is quoted and escaped, as git quotes it ("a/x\ny.py"): a
// file name must not start a line of its own in the output.
func Diff(path string, old, new []byte) string {
	if bytes.Equal(old, new) {
		return ""
	}
	p := strings.TrimPrefix(filepath.ToSlash(path), "/")
	return udiff.Unified(diffLabel("a/"+p), diffLabel("b/"+p), string(old), string(new))
}

func diffLabel(s string) string {
	if e := escape.Text(s); e != s || strings.ContainsAny(s, `"\`) {
		return `"` + escape.Text(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s)) + `"`
	}
	return s
}
