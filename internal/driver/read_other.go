//go:build !linux

package driver

import (
	"io"
	"os"
)

// readSource opens, stats and reads abs through package os (read_linux.go
// has the system calls themselves).
func readSource(abs string, limit int64) ([]byte, error) {
	f, err := os.Open(abs)
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, errNotRegular
	}
	if fi.Size() > limit {
		return nil, tooLarge(fi.Size(), limit)
	}
	b, err := readSized(fi.Size(), limit, func(b []byte) (int, error) {
		n, err := f.Read(b)
		if err == io.EOF {
			return n, nil
		}
		return n, err
	})
	return b, unwrapPath(err)
}
