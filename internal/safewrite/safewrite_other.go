//go:build !unix

package safewrite

import (
	"errors"
	"io/fs"
	"os"
)

func writable(path string, fi fs.FileInfo) bool { return fi.Mode().Perm()&0o200 != 0 }

func links(fs.FileInfo) uint64 { return 1 }

func keepOwner(*os.File, fs.FileInfo) error { return nil }

func dupFD(int) (int, error) {
	return -1, errors.New("writing to a file descriptor by name is not supported here")
}
