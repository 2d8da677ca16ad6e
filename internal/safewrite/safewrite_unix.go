//go:build unix

package safewrite

import (
	"io/fs"
	"os"
	"syscall"
)

// writable reports whether this process may write the file. root may
// write anything: for root a file is read-only when it has no write bit at
// all (chmod a-w is how people say "leave this alone").
func writable(path string, fi fs.FileInfo) bool {
	if os.Geteuid() == 0 {
		return fi.Mode().Perm()&0o222 != 0
	}
	const wOK = 2
	return syscall.Access(path, wOK) == nil
}

func links(fi fs.FileInfo) uint64 {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}

// keepOwner gives tmp the owner and group of the file fi describes, when
// they differ from what a new file gets.
func keepOwner(tmp *os.File, fi fs.FileInfo) error {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	tfi, err := tmp.Stat()
	if err != nil {
		return err
	}
	tst, ok := tfi.Sys().(*syscall.Stat_t)
	if !ok || (tst.Uid == st.Uid && tst.Gid == st.Gid) {
		return nil
	}
	return tmp.Chown(int(st.Uid), int(st.Gid))
}

func dupFD(fd int) (int, error) {
	n, err := syscall.Dup(fd)
	if err == nil {
		syscall.CloseOnExec(n)
	}
	return n, err
}
