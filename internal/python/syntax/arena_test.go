package syntax

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unsafe"

	tree_sitter "github.com/tree-sitter/go-tree-sitter"

	"github.com/xynergy/xylint/internal/python/syntax/grammar"
)

// reference parses src with go-tree-sitter's own parser — outside any
// arena, every allocation the C library's (ts.c) — and lists its nodes in
// pre-order as "kind start end", as a flattened tree's nodes read.
func reference(t *testing.T, src []byte) []string {
	t.Helper()
	p := tree_sitter.NewParser()
	defer p.Close()
	if err := p.SetLanguage(tree_sitter.NewLanguage(unsafe.Pointer(grammar.Language()))); err != nil {
		t.Fatal(err)
	}
	tree := p.Parse(src, nil)
	if tree == nil {
		t.Fatal("go-tree-sitter returned no tree")
	}
	defer tree.Close()
	var out []string
	c := tree.Walk()
	defer c.Close()
	for {
		n := c.Node()
		out = append(out, fmt.Sprintf("%d %d %d", n.KindId(), n.StartByte(), n.EndByte()))
		if c.GotoFirstChild() {
			continue
		}
		for !c.GotoNextSibling() {
			if !c.GotoParent() {
				return out
			}
		}
	}
}

// flat lists a tree's nodes as reference does.
func flat(tr *Tree) []string {
	out := make([]string, 0, tr.Len())
	for n := range tr.All() {
		out = append(out, fmt.Sprintf("%d %d %d", n.Kind(), n.Start(), n.End()))
	}
	return out
}

func sameNodes(t *testing.T, name string, got, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d nodes, go-tree-sitter's parser gives %d", name, len(got), len(want))
		return
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("%s: node %d is %q, go-tree-sitter's parser gives %q", name, i, got[i], want[i])
			return
		}
	}
}

// arenaInputs: small files, a file whose parse fills more than one chunk,
// and a large file with a syntax error at its end, which Parse parses
// whole (a piece with an error is not trusted): its parse needs far more
// than an idle arena keeps.
func arenaInputs() map[string][]byte {
	big := largeFile(1 << 20)
	return map[string][]byte{
		"small":      []byte("import os\n\ndef f(x):\n    return os.path.join(x, 'y')\n"),
		"stress":     []byte(stress),
		"medium":     largeFile(200 << 10),
		"big-broken": append(bytes.Clone(big), "def broken(:\n"...),
		"strings":    []byte(strings.Repeat("s = f\"{a!r:>{w}} {b=}\" '''x\n{y}''' rb'\\d'\n", 3000)),
	}
}

// The trees parsed in arenas are the trees go-tree-sitter's parser builds
// with the C library's allocator, one after another in the same arena
// (each parse releases the last tree: nothing of it may survive into the
// next) and on four goroutines at once.
func TestArenaTreesMatchReference(t *testing.T) {
	inputs := arenaInputs()
	want := map[string][]string{}
	for name, src := range inputs {
		want[name] = reference(t, src)
	}
	order := []string{"small", "big-broken", "small", "stress", "medium", "strings", "big-broken", "stress", "small"}
	for _, name := range order {
		f, err := Parse(name+".py", inputs[name])
		if err != nil {
			t.Fatal(err)
		}
		sameNodes(t, name, flat(f.Tree), want[name])
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range order {
				name := order[(i+g)%len(order)]
				f, err := Parse(name+".py", inputs[name])
				if err != nil {
					t.Error(err)
					return
				}
				sameNodes(t, name, flat(f.Tree), want[name])
			}
		})
	}
	wg.Wait()
}

// HasErrors answers as a whole parse does, in the same arenas.
func TestArenaHasErrors(t *testing.T) {
	for name, src := range arenaInputs() {
		bad, err := HasErrors(src)
		if err != nil {
			t.Fatal(err)
		}
		f, err := Parse(name+".py", src)
		if err != nil {
			t.Fatal(err)
		}
		if bad != (len(f.Errors) > 0) {
			t.Errorf("%s: HasErrors %v, Parse found %d errors", name, bad, len(f.Errors))
		}
	}
}

// An arena that parsed a large tree gives its memory back when released,
// but for what it keeps for the next parse (XY_KEEP).
func TestArenaKeepsLittle(t *testing.T) {
	p := parsers.Get().(*parser)
	defer parsers.Put(p)
	src := largeFile(1 << 20)
	tr, err := p.parse(src)
	if err != nil {
		t.Fatal(err)
	}
	_ = tr
	held, most := p.kept()
	if held <= most {
		t.Fatalf("parsing %d bytes held %d bytes of arena: the test wants a parse larger than what is kept (%d)", len(src), held, most)
	}
	p.release()
	if kept, _ := p.kept(); kept != 0 {
		t.Errorf("released after a parse that needed %d bytes, the arena keeps %d: want none (more than %d)", held, kept, most)
	}
	if _, err := p.parse([]byte("x = 1\n")); err != nil {
		t.Fatal(err)
	}
	p.release()
	if kept, _ := p.kept(); kept == 0 || kept > most {
		t.Errorf("after a small parse the arena keeps %d bytes, want one chunk of at most %d", kept, most)
	}
}

// TestArenaTreesMatchReferenceOnFiles compares every .py file under
// $XYLINT_CORPUS (for example `XYLINT_CORPUS=/work/corpus`), parsed on two
// goroutines, with go-tree-sitter's parser's tree of it.
func TestArenaTreesMatchReferenceOnFiles(t *testing.T) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		t.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	var paths []string
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".py") && d.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() {
			for i := g; i < len(paths); i += 2 {
				src, err := os.ReadFile(paths[i])
				if err != nil || len(src) > 4<<20 {
					continue
				}
				f, err := Parse(paths[i], src)
				if err != nil {
					t.Errorf("%s: %v", paths[i], err)
					continue
				}
				if bytes.HasPrefix(src, bom) {
					continue // (offsets differ by the mark; TestBOMOffsets)
				}
				sameNodes(t, paths[i], flat(f.Tree), reference(t, src))
			}
		})
	}
	wg.Wait()
	t.Logf("%d files", len(paths))
}

// FuzzArenaParse: whatever the input, a tree parsed in an arena is the tree
// go-tree-sitter's parser builds with the C allocator (`go test -fuzz
// FuzzArenaParse ./internal/python/syntax`; its seeds run as a test).
func FuzzArenaParse(f *testing.F) {
	for _, src := range arenaInputs() {
		if len(src) < 64<<10 {
			f.Add(src)
		}
	}
	f.Add([]byte("def f(:\n    return [x for x in (1,\n"))
	f.Add([]byte("class A:\n\tdef g(self): '''unterminated\n"))
	f.Add([]byte("x = f\"{a!r:>{w}} {b=} {'\\\\n'}\"\nif x:\n  pass\n else:\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if bytes.HasPrefix(src, bom) || len(src) >= 2*pieceSize {
			return // (Parse shifts offsets past a BOM, and cuts large files in pieces)
		}
		tr, err := Parse("f.py", src)
		if err != nil {
			return // a parse that timed out
		}
		sameNodes(t, "input", flat(tr.Tree), reference(t, src))
	})
}
