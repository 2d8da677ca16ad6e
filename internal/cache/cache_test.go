package cache

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

type value struct {
	Msg   string
	Lines []int
}

// reopen forgets the process's stores, as a new process would start.
func reopen(t *testing.T, dir string) *Store[value] { return reopenNamed(t, dir, "python /project") }

func reopenNamed(t *testing.T, dir, name string) *Store[value] {
	t.Helper()
	storesMu.Lock()
	clear(stores)
	storesMu.Unlock()
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	return OpenStore[value](c, name)
}

func TestSaveAndLoad(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	s := reopen(t, dir)
	k := Hash([]byte("a.py"), []byte("content"))
	if _, ok := s.Get(k); ok {
		t.Fatal("hit in an empty cache")
	}
	s.Put(k, value{Msg: "m", Lines: []int{1, 2}})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	got, ok := reopen(t, dir).Get(k)
	if !ok || got.Msg != "m" || len(got.Lines) != 2 {
		t.Fatalf("after reopening: %+v %v", got, ok)
	}
	b, err := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if err != nil || !strings.Contains(string(b), "\n*\n") {
		t.Errorf(".gitignore: %q %v", b, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "CACHEDIR.TAG")); err != nil {
		t.Error(err)
	}
	// The store of another name (project) does not see it.
	c, _ := Open(dir)
	if _, ok := OpenStore[value](c, "python /other").Get(k); ok {
		t.Error("another project's store has the entry")
	}
}

func TestHashSeparatesParts(t *testing.T) {
	if Hash([]byte("ab"), []byte("c")) == Hash([]byte("a"), []byte("bc")) {
		t.Error("parts run together")
	}
}

// TestBadPacksAreIgnored: a truncated, corrupt or foreign pack, or one of
// another build, is an empty cache (no panic, no error), and the next save
// replaces it with a good one.
func TestBadPacksAreIgnored(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	s := reopen(t, dir)
	k := Hash([]byte("k"))
	s.Put(k, value{Msg: "good"})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	other := reopen(t, dir)
	other.c.build = "0123456789abcdef"
	if _, ok := other.Get(k); ok {
		t.Error("another build's pack was read")
	}
	for name, data := range map[string][]byte{
		"truncated":   good[:len(good)-7],
		"half":        good[:len(good)/2],
		"empty":       {},
		"garbage":     []byte("\x00\xff\x13 not a pack at all, but quite long enough to be read as one \xfe\xfe\xfe"),
		"huge length": append([]byte{0xf8, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, good...),
		"text":        []byte("*\n"),
	} {
		t.Run(name, func(t *testing.T) {
			if err := os.WriteFile(s.path, data, 0o666); err != nil {
				t.Fatal(err)
			}
			s := reopen(t, dir)
			if _, ok := s.Get(k); ok {
				t.Fatal("entry read from a bad pack")
			}
			s.Put(k, value{Msg: "rebuilt"})
			if err := s.Save(); err != nil {
				t.Fatal(err)
			}
			if got, ok := reopen(t, dir).Get(k); !ok || got.Msg != "rebuilt" {
				t.Errorf("not rebuilt: %+v %v", got, ok)
			}
		})
	}
}

// TestCutPacksAreIgnored: a pack cut anywhere (between its header and its
// segments, between records, inside one) is an empty cache.
func TestCutPacksAreIgnored(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	s := reopen(t, dir)
	for i := range 40 {
		s.Put(Hash([]byte(fmt.Sprint(i))), value{Msg: fmt.Sprint(i), Lines: []int{i}})
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(s.path)
	if err != nil {
		t.Fatal(err)
	}
	if got := reopen(t, dir).Len(); got != 40 {
		t.Fatalf("%d entries read back", got)
	}
	for cut := 0; cut < len(good); cut += 1 + cut/50 {
		if err := os.WriteFile(s.path, good[:cut], 0o666); err != nil {
			t.Fatal(err)
		}
		if n := reopen(t, dir).Len(); n != 0 {
			t.Fatalf("cut at %d of %d: %d entries read", cut, len(good), n)
		}
	}
}

// TestConcurrentSaves: processes saving at once leave one whole pack
// (one of theirs), never a mix or a torn file, and no temporary files.
func TestConcurrentSaves(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	c, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	const n = 8
	var procs []*Store[value]
	for range n {
		s := &Store[value]{path: OpenStore[value](c, "p").path, c: c} // one per "process"
		s.Len()                                                       // each read the (missing) pack first
		procs = append(procs, s)
	}
	var wg sync.WaitGroup
	for i, s := range procs {
		wg.Go(func() {
			for j := range 200 {
				s.Put(Hash([]byte(fmt.Sprint(i, j))), value{Msg: fmt.Sprint(i), Lines: make([]int, 50)})
			}
			for range keep - 1 {
				s.Put(Hash([]byte(fmt.Sprint(i, "again"))), value{Msg: fmt.Sprint(i)})
				if err := s.Save(); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	s := reopenNamed(t, dir, "p")
	if got := s.Len(); got != 201 {
		t.Errorf("%d entries, want one writer's 201", got)
	}
	msgs := map[string]bool{}
	for _, e := range s.entries {
		msgs[e.Value.Msg] = true
	}
	if len(msgs) != 1 {
		t.Errorf("entries of %d writers mixed", len(msgs))
	}
	ents, _ := os.ReadDir(filepath.Dir(s.path))
	if len(ents) != 1 {
		t.Errorf("left in the build directory: %v", ents)
	}
}

// TestUnusedEntriesExpire: an entry no run used is dropped after keep
// saves; one that runs use stays.
func TestUnusedEntriesExpire(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	old, used := Hash([]byte("old")), Hash([]byte("used"))
	s := reopen(t, dir)
	s.Put(old, value{})
	s.Put(used, value{})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	for i := range keep + 1 {
		s := reopen(t, dir)
		if _, ok := s.Get(used); !ok {
			t.Fatalf("save %d: the used entry is gone", i)
		}
		s.Put(Hash([]byte(fmt.Sprint(i))), value{}) // something new: saves
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
	if _, ok := reopen(t, dir).Get(old); ok {
		t.Error("an entry unused for more than keep saves is still there")
	}
}

// TestStat: the stat index matches a file whose size and modification time
// did not move, and records nothing for a file modified just now (a write
// of the same size within the timestamp's granularity would go unseen).
func TestStat(t *testing.T) {
	dir := t.TempDir()
	s := reopen(t, filepath.Join(dir, DirName))
	f := filepath.Join(dir, "a.py")
	if err := os.WriteFile(f, []byte("x = 1\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(f)
	h := ContentHash([]byte("x = 1\n"))
	s.SetStat(f, fi, h)
	if _, ok := s.StatMatches(f, fi); ok {
		t.Error("a file written just now is trusted by its stat")
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(f, past, past); err != nil {
		t.Fatal(err)
	}
	fi, _ = os.Stat(f)
	s.SetStat(f, fi, h)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s = reopen(t, filepath.Join(dir, DirName))
	if got, ok := s.StatMatches(f, fi); !ok || got != h {
		t.Errorf("stat of an old file: %v %v", got, ok)
	}
	if err := os.WriteFile(f, []byte("x = 2\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	fi2, _ := os.Stat(f)
	if _, ok := s.StatMatches(f, fi2); ok {
		t.Error("a rewritten file matches its old stat")
	}
}

// TestReadOnlyCache: a cache directory that cannot be written is read as
// usual; Save says why in one sentence that says the results are right.
func TestReadOnlyCache(t *testing.T) {
	// A file in the way stands in for a directory that cannot be created
	// (root writes into read-only directories).
	base := t.TempDir()
	dir := filepath.Join(base, DirName)
	if err := os.WriteFile(dir, []byte("not a directory"), 0o444); err != nil {
		t.Fatal(err)
	}
	s := reopen(t, dir)
	s.Put(Hash([]byte("k")), value{})
	err := s.Save()
	if err == nil || !strings.Contains(err.Error(), "could not be written") || !strings.Contains(err.Error(), "results are right") {
		t.Fatalf("Save: %v", err)
	}
	if strings.Count(err.Error(), dir) != 1 {
		t.Errorf("the message names the directory more than once: %v", err)
	}
	if _, ok := s.Get(Hash([]byte("k"))); !ok {
		t.Error("the entry is not kept in memory")
	}
}

func TestClean(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	s := reopen(t, dir)
	s.Put(Hash([]byte("k")), value{})
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if err := Clean(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("still there: %v", err)
	}
	if err := Clean(dir); err != nil {
		t.Errorf("cleaning a missing cache: %v", err)
	}
	// A directory that is not a cache (a mistyped --cache-dir) is kept.
	project := t.TempDir()
	if err := os.WriteFile(filepath.Join(project, "main.py"), nil, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := Clean(project); err == nil || !strings.Contains(err.Error(), "does not look like") {
		t.Errorf("Clean(project): %v", err)
	}
	if _, err := os.Stat(filepath.Join(project, "main.py")); err != nil {
		t.Error(err)
	}
}

func TestBuildID(t *testing.T) {
	id := BuildID()
	if !isBuildDir(id) {
		t.Errorf("BuildID() = %q", id)
	}
	if _, ok := executableID(); !ok {
		t.Error("the test binary's build ID was not found")
	}
}

// TestOldBuildsArePruned: each build has its own directory; a new one
// removes all but the most recent builds'.
func TestOldBuildsArePruned(t *testing.T) {
	dir := filepath.Join(t.TempDir(), DirName)
	for i := range builds + 2 {
		s := reopen(t, dir)
		s.c.build = fmt.Sprintf("%016x", i)
		s.Put(Hash([]byte("k")), value{})
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
		old := time.Now().Add(time.Duration(i-10) * time.Hour)
		os.Chtimes(filepath.Join(dir, s.c.build), old, old)
	}
	ents, _ := os.ReadDir(dir)
	var kept []string
	for _, e := range ents {
		if e.IsDir() {
			kept = append(kept, e.Name())
		}
	}
	if len(kept) != builds || kept[0] != fmt.Sprintf("%016x", 2) {
		t.Errorf("kept %v", kept)
	}
}
