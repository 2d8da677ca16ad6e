package roles

import (
	"fmt"
	"math/rand/v2"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/roles"
)

// refReach is reach as first written, the specification of the walk: a
// map grown from empty, a Path copied for every function reached.
func (m *Model) refReach(k EntryKind) map[node]Via {
	reached := map[node]Via{}
	var queue []node
	seed := func(n node, v Via) {
		if _, ok := reached[n]; !ok {
			reached[n] = v
			queue = append(queue, n)
		}
	}
	for i, f := range m.files {
		if k == Worker && m.mainRun[i] {
			continue
		}
		for _, fn := range f.fact.Funcs {
			if fn.Entry.Kind == k {
				seed(node{i, fn.Key}, Via{Entry: fn.Entry})
			}
		}
		if k == Command && m.programs[i] {
			seed(node{i, ModuleKey}, Via{Entry: Entry{Kind: Command, Desc: programDesc(f.fact)}})
		}
		for _, e := range f.fact.Entries {
			if e.Kind != k {
				continue
			}
			ns, _ := m.resolve(i, e.Ref, 0)
			for _, n := range ns[:2*btoi(ns[0].key != "")] {
				v := Via{Entry: Entry{Kind: k, Desc: e.Desc + " `" + n.key + "`"}}
				if c, ok := strings.CutSuffix(n.key, ".__init__"); ok && e.Depends {
					v = Via{Entry: Entry{Kind: k, Desc: "`" + c + "`, built per request through `Depends`"}, Class: c}
				}
				seed(n, v)
			}
		}
	}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		fn := m.files[n.file].fn(n.key)
		if fn == nil {
			continue
		}
		v := reached[n]
		for _, ref := range fn.Calls {
			ts, _ := m.resolve(n.file, ref, 0)
			for _, t := range ts[:2*btoi(ts[0].key != "")] {
				if _, ok := reached[t]; ok {
					continue
				}
				if k == Command && t.file != n.file && m.commandSide != nil && !m.commandSide[t.file] {
					continue
				}
				p := append(append([]string(nil), v.Path...), n.key)
				reached[t] = Via{Entry: v.Entry, Class: v.Class, Path: p}
				queue = append(queue, t)
			}
		}
	}
	return reached
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reach (a map made for the walk's size, a Path shared by what one
// function reaches, resolve's answers by value) says what the first walk
// said, on random projects: functions calling each other within a file
// and across files, classes, entries of every kind, command-side files.
func TestReachAsSpecified(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	reached, deep := 0, 0
	for round := range 200 {
		nfiles := 1 + rng.IntN(6)
		var paths []string
		for i := range nfiles {
			paths = append(paths, fmt.Sprintf("pkg/m%d.py", i))
		}
		m := &Model{modules: modules.New(paths), byPath: map[string]int{}}
		keys := []string{"a", "b", "c", "C", "C.__init__", "C.run", "d"}
		for i, p := range paths {
			f := &File{}
			for _, key := range []string{"C", "C.__init__", "C.run", "a", "b", "c", "d"} { // sorted
				if rng.IntN(3) == 0 {
					continue
				}
				fn := Func{Key: key}
				if rng.IntN(4) == 0 {
					fn.Entry = Entry{Kind: EntryKind(1 + rng.IntN(4)), Desc: "entry " + key}
				}
				for range rng.IntN(4) {
					name := keys[rng.IntN(len(keys))]
					if rng.IntN(2) == 0 {
						fn.Calls = append(fn.Calls, project.LocalRef(name))
					} else {
						fn.Calls = append(fn.Calls, project.ImportedRef(fmt.Sprintf("pkg.m%d.%s", rng.IntN(nfiles+1), name)))
					}
				}
				f.Funcs = append(f.Funcs, fn)
			}
			if rng.IntN(3) == 0 {
				f.Entries = append(f.Entries, Registered{Ref: project.LocalRef(keys[rng.IntN(len(keys))]), Entry: Entry{Kind: EntryKind(1 + rng.IntN(4)), Desc: "registered"}, Depends: rng.IntN(2) == 0})
			}
			m.byPath[p] = i
			m.files = append(m.files, &fileInfo{path: p, fact: f})
		}
		if rng.IntN(2) == 0 {
			m.commandSide = make([]bool, nfiles)
			for i := range m.commandSide {
				m.commandSide[i] = rng.IntN(2) == 0
			}
		}
		for k := Request; k <= Command; k++ {
			got, want := m.reach(k), m.refReach(k)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, kind %v: reach gives %v, the specification %v", round, k, got, want)
			}
			for _, v := range got {
				reached++
				if len(v.Path) >= 2 {
					deep++
				}
			}
		}
	}
	if reached < 1000 || deep < 100 {
		t.Errorf("%d functions reached, %d through two or more: the projects do not exercise the walk", reached, deep)
	}
}

// migrationDirs' search for the names before its walk up the path's
// directories changes no answer: the walk alone gives the same on paths
// with the names as directories, as parts of names, as files, nowhere.
func TestMigrationDirsAsWalked(t *testing.T) {
	walk := func(p string) []string {
		var dirs []string
		for d := path.Dir(p); d != "." && d != "/" && d != ""; d = path.Dir(d) {
			if slices.Contains(roles.MigrationDirs, path.Base(d)) {
				dirs = append(dirs, d)
			}
		}
		return dirs
	}
	found := 0
	for _, p := range []string{"app/main.py", "migrations/0001_init.py", "app/migrations/versions/x.py", "alembic/env.py",
		"svc/alembic/versions/ab12_add.py", "app/migrations.py", "app/alembic.py", "app/migrations_util/x.py",
		"old_migrations/x.py", "/abs/alembic/migrations/x.py", "migrations", "a/migrationsx/alembicy/z.py", ""} {
		got, want := migrationDirs(p), walk(p)
		if !slices.Equal(got, want) {
			t.Errorf("migrationDirs(%q) = %q, the walk gives %q", p, got, want)
		}
		found += len(want)
	}
	if found < 6 {
		t.Errorf("%d directories found: the paths do not exercise it", found)
	}
}
