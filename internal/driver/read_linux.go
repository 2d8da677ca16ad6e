package driver

import "syscall"

// readSource opens, stats and reads abs with the system calls themselves:
// os.Open would also register the descriptor with the runtime's network
// poller (an epoll_ctl that fails for a regular file) and set up a
// finalizer, and io.ReadFull a second read to see the end, for each of the
// thousands of files of a run (~4% of a run's CPU time went to those
// calls).
func readSource(abs string, limit int64) ([]byte, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(abs, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := retry(func() error { return syscall.Fstat(fd, &st) }); err != nil {
		return nil, err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, errNotRegular
	}
	if st.Size > limit {
		return nil, tooLarge(st.Size, limit)
	}
	return readSized(st.Size, limit, func(b []byte) (n int, err error) {
		err = retry(func() (err error) {
			n, err = syscall.Read(fd, b)
			return err
		})
		return max(n, 0), err
	})
}

// retry calls f again while a signal interrupts it (EINTR), as package os
// does.
func retry(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}
