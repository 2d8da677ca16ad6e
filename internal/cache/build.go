package cache

import (
	"bytes"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"io"
	"os"
	"runtime/debug"
	"sync"
)

// BuildID names this build of xylint for the cache: 16 hex digits of a
// hash of the Go build ID the linker wrote into the executable (it changes
// with any source, dependency, cgo input or build setting — the rules'
// code and their fact types included), or of the executable's content
// when no build ID is found. A cache written by another build is ignored.
var BuildID = sync.OnceValue(func() string {
	h := sha256.New()
	h.Write([]byte("xylint cache\x00"))
	if id, ok := executableID(); ok {
		h.Write(id)
	} else if bi, ok := debug.ReadBuildInfo(); ok {
		// No executable to read: the module versions and settings are
		// what is known (a development build changes without them
		// changing, so this is a last resort).
		h.Write([]byte(bi.String()))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
})

// executableID is the Go build ID of the running executable — an ELF
// file's .note.go.buildid section, or the marked string the linker puts in
// the first 32 KiB of other formats (as cmd/internal/buildid reads them) —
// or else the hash of the whole file.
func executableID() ([]byte, bool) {
	exe, err := os.Executable()
	if err != nil {
		return nil, false
	}
	if ef, err := elf.Open(exe); err == nil {
		defer ef.Close()
		if s := ef.Section(".note.go.buildid"); s != nil {
			if data, err := s.Data(); err == nil && len(data) > 16 {
				return data, true
			}
		}
	}
	f, err := os.Open(exe)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	head := make([]byte, 32<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	const marker = "\xff Go build ID: \""
	if i := bytes.Index(head, []byte(marker)); i >= 0 {
		rest := head[i+len(marker):]
		if j := bytes.IndexByte(rest, '"'); j > 0 {
			return rest[:j], true
		}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil, false
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, false
	}
	return h.Sum(nil), true
}
