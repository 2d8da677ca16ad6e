//go:build unix

package deploy

import (
	"io/fs"
	"syscall"
)

// inode is the inode number of the file fi describes, 0 when not known.
func inode(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
