package fix

import (
	"bytes"
	"errors"
	"os"

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
