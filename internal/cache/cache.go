// Package cache is xylint's cache of analysis results: a directory
// (.xylint_cache at the project root by default, as Ruff's .ruff_cache)
// holding, per build of xylint, one pack per project and producer. A pack
// maps content-addressed keys — made by the producer from the file's
// content hash, its path and module, and the settings that reach its rules —
// to what the producer needs to skip the file's analysis (its results and
// the facts the project phase reads), and holds a stat index (path → size,
// modification time, content hash) so that an unchanged file is known
// without reading it.
//
// Nothing in a cache can make a result wrong: a pack of another build,
// format or project, a truncated or corrupt one, is ignored and rebuilt; a
// pack is replaced whole by an atomic rename, so two runs at once leave one
// of their packs, never a mix; a cache that cannot be written (read-only,
// full disk) costs the next run its speed, never its results (Save says
// why, once).
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"
)

// DirName is the cache directory's name at a project's root.
const DirName = ".xylint_cache"

// EnvDir is the environment variable naming the cache directory
// (--cache-dir wins over it).
const EnvDir = "XYLINT_CACHE_DIR"

// Format is the version of the packs' layout: a pack of another format is
// ignored. Bump it when the header or body changes shape.
const Format = 2

// A Key addresses one entry: a SHA-256 of what the entry depends on.
type Key [32]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// Hash is the key of the parts, each length-prefixed so that ("ab", "c")
// and ("a", "bc") differ.
func Hash(parts ...[]byte) Key {
	h := sha256.New()
	var n [8]byte
	for _, p := range parts {
		l := uint64(len(p))
		for i := range n {
			n[i] = byte(l >> (8 * i))
		}
		h.Write(n[:])
		h.Write(p)
	}
	var k Key
	h.Sum(k[:0])
	return k
}

// ContentHash is the hash of a file's content.
func ContentHash(src []byte) Key { return sha256.Sum256(src) }

// Cache is a cache directory for one build of xylint.
type Cache struct {
	dir   string // the cache directory (absolute)
	build string // BuildID's, in the name of the build's subdirectory
}

// Open returns the cache in dir for this build (BuildID). Nothing is
// created until a store is saved.
func Open(dir string) (*Cache, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	return &Cache{dir: abs, build: BuildID()}, nil
}

// Dir is the cache's directory.
func (c *Cache) Dir() string { return c.dir }

// Resolve is the cache directory of a run: flag (--cache-dir) when set,
// else $XYLINT_CACHE_DIR, else root/.xylint_cache. Relative paths are
// relative to the working directory.
func Resolve(flag, root string) string {
	switch {
	case flag != "":
		return flag
	case os.Getenv(EnvDir) != "":
		return os.Getenv(EnvDir)
	}
	return filepath.Join(root, DirName)
}

// Clean removes the cache directory dir. It refuses a directory that does
// not look like one of xylint's caches (no .gitignore written by xylint
// and no build directories), so that a mistyped --cache-dir does not
// delete a project.
func Clean(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, e := range entries {
		switch {
		case e.Name() == ".gitignore" || e.Name() == tagName:
		case e.IsDir() && isBuildDir(e.Name()):
		default:
			return fmt.Errorf("%s does not look like an xylint cache (it holds %s): not removed", dir, e.Name())
		}
	}
	return os.RemoveAll(dir)
}

const (
	gitignore = "# Automatically created by xylint.\n*\n"
	tagName   = "CACHEDIR.TAG"
	tag       = "Signature: 8a477f597d28d172789f06886806bc55\n# This file is a cache directory tag created by xylint.\n# For information about cache directory tags see https://bford.info/cachedir/\n"
)

func isBuildDir(name string) bool {
	if len(name) != 16 {
		return false
	}
	_, err := hex.DecodeString(name)
	return err == nil
}

// prepare makes the cache directory with its .gitignore (everything in it
// is ignored, Ruff's convention) and CACHEDIR.TAG (backup tools skip it),
// and the build's subdirectory.
func (c *Cache) prepare() (string, error) {
	if err := os.MkdirAll(c.dir, 0o777); err != nil {
		return "", err
	}
	for name, content := range map[string]string{".gitignore": gitignore, tagName: tag} {
		p := filepath.Join(c.dir, name)
		if _, err := os.Lstat(p); err == nil {
			continue
		}
		if err := writeAtomic(p, func(w io.Writer) error { _, err := io.WriteString(w, content); return err }); err != nil {
			return "", err
		}
	}
	sub := filepath.Join(c.dir, c.build)
	if _, err := os.Stat(sub); err == nil {
		return sub, nil
	}
	if err := os.MkdirAll(sub, 0o777); err != nil {
		return "", err
	}
	c.prune()
	return sub, nil
}

// builds is how many builds' directories a cache keeps: every build of
// xylint has its own (a development build is a new one), the least
// recently written go when a new one is made.
const builds = 3

// prune removes the directories of builds other than the last written.
func (c *Cache) prune() {
	entries, err := os.ReadDir(c.dir)
	if err != nil {
		return
	}
	type dir struct {
		name string
		mod  time.Time
	}
	var dirs []dir
	for _, e := range entries {
		if e.IsDir() && isBuildDir(e.Name()) {
			if fi, err := e.Info(); err == nil {
				dirs = append(dirs, dir{e.Name(), fi.ModTime()})
			}
		}
	}
	if len(dirs) <= builds {
		return
	}
	slices.SortFunc(dirs, func(a, b dir) int { return b.mod.Compare(a.mod) })
	for _, d := range dirs[builds:] {
		if d.name != c.build {
			os.RemoveAll(filepath.Join(c.dir, d.name))
		}
	}
}

// writeAtomic writes a file whole or not at all: a temporary file in the
// same directory, renamed over path.
func writeAtomic(path string, write func(io.Writer) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := write(f); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// Stat is what the stat index knows of a file: its size and modification
// time when its content had Hash.
type Stat struct {
	Size  int64
	MTime int64 // UnixNano
	Hash  Key
}

// racy is how recent a modification time must be for the stat index not to
// trust it: a file written again within the file system's timestamp
// granularity after it was hashed keeps its size and time (git's "racily
// clean" entries). Such files are hashed again next time.
const racy = 2 * time.Second

// Store is one pack: a producer's entries (values of type V, which
// encoding/gob must encode) for one project. It is safe for concurrent
// use; its methods never fail — a pack that cannot be read is empty, and
// Save returns why one could not be written.
type Store[V any] struct {
	path string
	c    *Cache

	mu      sync.Mutex
	loaded  bool
	gen     uint64
	stat    map[string]*statEntry
	entries map[Key]*entry[V]
	dirty   bool
}

type statEntry struct {
	Stat
	Gen uint64
}

type entry[V any] struct {
	Gen   uint64
	Value V
}

// A pack is a uvarint length, that many bytes of a gob stream holding its
// header and stat index (map[string]statEntry), then the entries' records
// in segments, each a gob stream of its own of Counts[i] records in
// Lengths[i] bytes: the segments are encoded and decoded in parallel
// (decoding is most of a warm run's own work), and a record at a time
// (encoding the pack as one value held a second copy of it in the
// encoder's buffer).
type header struct {
	Magic   string
	Format  int
	Build   string
	Name    string
	Gen     uint64
	Counts  []int
	Lengths []int
}

// segments is how many segments a pack's entries are cut into.
var segments = max(1, min(runtime.GOMAXPROCS(0), 4))

const magic = "xylint cache"

type record[V any] struct {
	Key   Key
	Gen   uint64
	Value V
}

// keep is how many saves an entry or stat record that no run used survives
// (the other side of --new-from-rev, a branch switched back to).
const keep = 4

var (
	storesMu sync.Mutex
	stores   = map[string]any{}
)

// OpenStore returns the store name (a producer's name and the project's
// root, say) of c. Runs in one process share it: what one run of a
// process put (the base revision's analysis of --new-from-rev), the next
// finds.
func OpenStore[V any](c *Cache, name string) *Store[V] {
	file := Hash([]byte(name)).String()[:16] + ".pack"
	path := filepath.Join(c.dir, c.build, file)
	storesMu.Lock()
	defer storesMu.Unlock()
	if s, ok := stores[path].(*Store[V]); ok {
		return s
	}
	s := &Store[V]{path: path, c: c}
	stores[path] = s
	return s
}

// load reads the pack once; anything wrong with it (missing, another
// build or format, truncated, corrupt) leaves the store empty.
func (s *Store[V]) load() {
	if s.loaded {
		return
	}
	s.loaded = true
	s.stat = map[string]*statEntry{}
	s.entries = map[Key]*entry[V]{}
	data, err := os.ReadFile(s.path)
	if err != nil {
		return
	}
	h, stat, records, ok := decode[V](data, s.c.build)
	if !ok {
		return
	}
	s.gen = h.Gen
	for p, st := range stat {
		st := st
		s.stat[p] = &st
	}
	for _, r := range records {
		s.entries[r.Key] = &entry[V]{Gen: r.Gen, Value: r.Value}
	}
}

// decode reads a pack; ok is false when it is not one this build wrote
// whole. encoding/gob reports truncation and garbage as errors, a pack cut
// anywhere has fewer bytes or records than its header says, and a panic (a
// foreign file's odd lengths) counts as an error too.
func decode[V any](data []byte, build string) (h header, stat map[string]statEntry, records []record[V], ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	n, w := binary.Uvarint(data)
	if w <= 0 || n > uint64(len(data)-w) {
		return h, nil, nil, false
	}
	head, rest := data[w:w+int(n)], data[w+int(n):]
	d := gob.NewDecoder(bytes.NewReader(head))
	if err := d.Decode(&h); err != nil || h.Magic != magic || h.Format != Format || h.Build != build || len(h.Counts) != len(h.Lengths) {
		return h, nil, nil, false
	}
	if err := d.Decode(&stat); err != nil {
		return h, nil, nil, false
	}
	total, size := 0, 0
	for i := range h.Counts {
		if h.Counts[i] < 0 || h.Lengths[i] < 0 || h.Counts[i] > h.Lengths[i] {
			return h, nil, nil, false
		}
		total += h.Counts[i]
		size += h.Lengths[i]
	}
	if size != len(rest) {
		return h, nil, nil, false
	}
	records = make([]record[V], total)
	bad := make([]bool, len(h.Counts))
	var wg sync.WaitGroup
	first := 0
	for i := range h.Counts {
		seg, out := rest[:h.Lengths[i]], records[first:first+h.Counts[i]]
		rest, first = rest[h.Lengths[i]:], first+h.Counts[i]
		wg.Go(func() {
			defer func() {
				if recover() != nil {
					bad[i] = true
				}
			}()
			d := gob.NewDecoder(bytes.NewReader(seg))
			for j := range out {
				if err := d.Decode(&out[j]); err != nil {
					bad[i] = true
					return
				}
			}
		})
	}
	wg.Wait()
	if slices.Contains(bad, true) {
		return h, nil, nil, false
	}
	return h, stat, records, true
}

// Stat returns the stat record of the file at path (absolute), if any.
func (s *Store[V]) Stat(path string) (Stat, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	st, ok := s.stat[path]
	if !ok {
		return Stat{}, false
	}
	st.Gen = s.gen + 1
	return st.Stat, true
}

// StatMatches reports whether fi is what the stat index recorded for path,
// and returns the content hash recorded then.
func (s *Store[V]) StatMatches(path string, fi fs.FileInfo) (Key, bool) {
	st, ok := s.Stat(path)
	if !ok || st.Size != fi.Size() || st.MTime != fi.ModTime().UnixNano() {
		return Key{}, false
	}
	return st.Hash, true
}

// SetStat records that the file at path, as fi describes it, has content
// hash h — unless its modification time is too recent to tell a later
// write of the same size from it: it reports whether the record holds.
func (s *Store[V]) SetStat(path string, fi fs.FileInfo, h Key) bool {
	if time.Since(fi.ModTime()) < racy {
		return false
	}
	st := Stat{Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Hash: h}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	if old, ok := s.stat[path]; ok && old.Stat == st {
		return true
	}
	s.stat[path] = &statEntry{Stat: st, Gen: s.gen + 1}
	s.dirty = true
	return true
}

// Get returns the entry of k.
func (s *Store[V]) Get(k Key) (V, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	e, ok := s.entries[k]
	if !ok {
		var zero V
		return zero, false
	}
	if e.Gen != s.gen+1 {
		e.Gen = s.gen + 1
	}
	return e.Value, true
}

// Put sets the entry of k.
func (s *Store[V]) Put(k Key, v V) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	s.entries[k] = &entry[V]{Gen: s.gen + 1, Value: v}
	s.dirty = true
}

// Len is the number of entries.
func (s *Store[V]) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.load()
	return len(s.entries)
}

// Save writes the pack when something was put or a stat record changed
// since it was read or last saved: the entries and stat records used in
// the last keep saves, atomically. Its error says why the cache could not
// be written, in words for the user.
func (s *Store[V]) Save() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.loaded || !s.dirty {
		return nil
	}
	gen := s.gen + 1
	stat := make(map[string]statEntry, len(s.stat))
	for p, st := range s.stat {
		if st.Gen+keep > gen {
			stat[p] = *st
		}
	}
	var keys []Key
	for k, e := range s.entries {
		if e.Gen+keep > gen {
			keys = append(keys, k)
		}
	}
	// The segments, encoded in parallel.
	k := min(segments, max(1, len(keys)))
	bufs := make([]bytes.Buffer, k)
	h := header{Magic: magic, Format: Format, Build: s.c.build, Name: filepath.Base(s.path), Gen: gen,
		Counts: make([]int, k), Lengths: make([]int, k)}
	encErrs := make([]error, k)
	var wg sync.WaitGroup
	for i := range k {
		part := keys[i*len(keys)/k : (i+1)*len(keys)/k]
		h.Counts[i] = len(part)
		wg.Go(func() {
			enc := gob.NewEncoder(&bufs[i])
			for _, key := range part {
				e := s.entries[key]
				if err := enc.Encode(record[V]{Key: key, Gen: e.Gen, Value: e.Value}); err != nil {
					encErrs[i] = err
					return
				}
			}
		})
	}
	wg.Wait()
	err := errors.Join(encErrs...)
	var head bytes.Buffer
	if err == nil {
		for i := range bufs {
			h.Lengths[i] = bufs[i].Len()
		}
		enc := gob.NewEncoder(&head)
		if err = enc.Encode(h); err == nil {
			err = enc.Encode(stat)
		}
	}
	var sub string
	if err == nil {
		sub, err = s.c.prepare()
	}
	if err == nil {
		err = writeAtomic(filepath.Join(sub, filepath.Base(s.path)), func(w io.Writer) error {
			if _, err := w.Write(binary.AppendUvarint(nil, uint64(head.Len()))); err != nil {
				return err
			}
			if _, err := head.WriteTo(w); err != nil {
				return err
			}
			for i := range bufs {
				if _, err := bufs[i].WriteTo(w); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if err != nil {
		return fmt.Errorf("the cache in %s could not be written (%w); the results are right, the next run is not faster (--no-cache turns the cache off)", s.c.dir, unwrapPath(err))
	}
	s.gen, s.dirty = gen, false
	return nil
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
