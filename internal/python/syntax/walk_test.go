package syntax

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// stress holds constructs whose read-out needs what the cursor recomputes:
// aliased children (as_pattern_target, the dotted names of imports, match
// patterns), fields reached through hidden nodes (a function's body through
// _suite, parameters, keyword arguments), extras between tokens (comments
// inside brackets, after decorators, between a keyword and its operand),
// tokens of the external scanner (strings, f-string interpolations,
// indentation), line continuations and nested comprehensions.
const stress = `#!/usr/bin/env python3
"""Module docstring."""
from __future__ import annotations
import os.path as osp, sys
from . import (a,  # after a
    b as c,
)
from ..pkg.mod import *
@decorator(  # open
    arg=1,
)
# between decorator and def
@other
async def f[T: int, *Ts, **P](a, /, b: int = 1, *args: T, c, d=2, **kw) -> list[T]:  # trailing
    """Doc."""
    global g
    nonlocal_ = lambda x, *y, z=3, **w: (x, y)
    x = [i * j for i in range(3) if i  # cond
         for j in (1, 2) if j]
    y = {k: v for k, v in kw.items()}
    z = {s async for s in agen()}
    w = (g for g in [1] if (g := g + 1))
    s = f"{x!r:>{10}} {y=} {'nested' + f'{z}'}" rb'\d' "implicit" 'concat'
    t = u"""triple
    {not an interpolation}""" + f"""
    {x:{y}.{z}}
    """
    a, *b = c, d = e = 1, 2
    a[1:2, ::3], b.c = -x ** ~y // z @ w, not x
    del a[0], b.c
    assert x, "message"
    x += 1; y @= z; z **= 2
    print(x, *y, sep='', **kw) if x else None
    await something()
    yield
    yield from gen()
    raise ValueError("v") from exc
    return x if y else (yield z)
class C(Base, metaclass=Meta):  # comment
    x: int = 0
    type Alias[U] = dict[str, U]
    def m(self): ...
    @property
    def p(self) -> "C": return self
try:
    pass
except* (ValueError, TypeError) as e:
    raise
except Exception as e:  # broad
    pass
else:
    pass
finally:
    pass
with open("a") as f, open("b") as (g):
    pass
async with a as b:
    async for x in y:
        continue
    else:
        break
while (n := next(it)) is not None and n not in seen or n < 0 <= m:
    pass
match command.split():
    case [action, *rest] if rest:  # guard
        pass
    case {"key": value, **others}:
        pass
    case Point(x=0, y=0) | Point(1, 2) as p:
        pass
    case str() | bytes():
        pass
    case -1 | 1.5 | 2j | None | True | "s" b"b":
        pass
    case _:
        pass
if x:
    pass
elif y:
    pass
else:
    pass
for i, (j, k) in enumerate(pairs):
    print(i, j, k, end="\n")
total = 1 + \
    2
x = (  # comment in parentheses
    1  # after one
    + 2
)
exec "old"
print >> sys.stderr, "py2"
`

// walkInputs are the sources TestWalkMatchesCursor reads out: the package's
// own test inputs, the stress module, broken variants of it (syntax errors
// give ERROR and MISSING nodes and the parser's hidden error repetitions),
// and every .py file of this repository (the rules' test cases).
func walkInputs(t *testing.T) map[string][]byte {
	t.Helper()
	in := map[string][]byte{
		"tricky":  []byte(tricky),
		"stress":  []byte(stress),
		"empty":   nil,
		"comment": []byte("# only a comment"),
		"spaces":  []byte("\n\n   \n"),
		"error":   []byte("def f(:\n    pass\nx = (1,\n"),
		"missing": []byte("x = (1, 2\ny = [3\n"),
		"lone":    []byte(")"),
		"deep":    []byte("x = " + strings.Repeat("(", 3000) + "1" + strings.Repeat(")", 3000) + "\n"),
		"large":   largeFile(300 << 10),
	}
	var blocks strings.Builder
	for i := range 300 {
		blocks.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	blocks.WriteString(strings.Repeat(" ", 300) + "pass\n")
	in["blocks"] = []byte(blocks.String())
	// Broken variants: a random span of the stress module cut out or
	// duplicated, and random tokens inserted.
	rng := rand.New(rand.NewPCG(11, 7))
	junk := []string{"(", ")", ":", "\n", "    ", "'", "\"\"\"", "#", "\\\n", "lambda", "def", "=", ",", "@", "f'{", "}"}
	for i := range 400 {
		src := []byte(stress)
		a := rng.IntN(len(src))
		b := min(len(src), a+rng.IntN(40))
		switch i % 3 {
		case 0:
			src = append(src[:a:a], src[b:]...)
		case 1:
			src = append(append(src[:b:b], src[a:b]...), src[b:]...)
		default:
			src = append(append(src[:a:a], junk[rng.IntN(len(junk))]...), src[a:]...)
		}
		in[fmt.Sprintf("broken%d", i)] = src
	}
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && (d.Name() == "node_modules" || strings.HasPrefix(d.Name(), ".")) && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err == nil {
			in[p] = src
			n++
		}
		return nil
	})
	if n < 100 {
		t.Fatalf("found %d .py files under %s, want the repository's test cases", n, root)
	}
	return in
}

// TestWalkMatchesCursor: the walk over tree-sitter's subtrees writes exactly
// the nodes the public cursor does (kind with aliases, field, flags, bytes,
// parent, subtree end), whole or as a piece (skipping the root, offsets
// shifted), on every node of every input.
func TestWalkMatchesCursor(t *testing.T) {
	nodes, aliased, inherited, extras, errs := 0, 0, 0, 0, 0
	for name, src := range walkInputs(t) {
		for _, mode := range []struct {
			base, first, rootParent int
			skipRoot                bool
		}{{0, 0, -1, false}, {7, 3, 0, true}} {
			walk, cursor, err := readOuts(src, mode.base, mode.first, mode.rootParent, mode.skipRoot)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if msg := compareReadOuts(walk, cursor); msg != "" {
				t.Errorf("%s (%+v): %s", name, mode, msg)
			}
		}
		walk, _, _ := readOuts(src, 0, 0, -1, false)
		nodes += len(walk)
		for _, n := range walk {
			switch {
			case n.flags&(flagError|flagMissing) != 0:
				errs++
			case n.flags&flagExtra != 0:
				extras++
			}
			if n.kind == KindAsPatternTarget {
				aliased++
			}
			// A body's block is reached through the hidden _suite, which
			// holds the field.
			if n.kind == KindBlock && Field(n.field) == FieldBody {
				inherited++
			}
		}
	}
	t.Logf("%d nodes: %d aliased, %d with an inherited field, %d extras, %d errors", nodes, aliased, inherited, extras, errs)
	// The inputs must exercise what the walk recomputes.
	if aliased == 0 || inherited == 0 || extras == 0 || errs == 0 {
		t.Errorf("the inputs miss a case the walk handles")
	}
}

func compareReadOuts(walk, cursor []node) string {
	if len(walk) != len(cursor) {
		return fmt.Sprintf("walk read %d nodes, cursor %d", len(walk), len(cursor))
	}
	for i := range walk {
		if walk[i] != cursor[i] {
			return fmt.Sprintf("node %d: walk %+v (%v), cursor %+v (%v)", i, walk[i], walk[i].kind, cursor[i], cursor[i].kind)
		}
	}
	return ""
}

// TestWalkMatchesCursorOnFiles does the same for every .py file under
// $XYLINT_CORPUS (for example `XYLINT_CORPUS=/work/corpus`).
func TestWalkMatchesCursorOnFiles(t *testing.T) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		t.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	n, nodes := 0, 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") || !d.Type().IsRegular() {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		walk, cursor, err := readOuts(src, 0, 0, -1, false)
		if err != nil {
			t.Logf("%s: %v", p, err)
			return nil
		}
		if msg := compareReadOuts(walk, cursor); msg != "" {
			t.Errorf("%s: %s", p, msg)
		}
		n++
		nodes += len(walk)
		return nil
	})
	t.Logf("%d files, %d nodes", n, nodes)
}

// TestTreeSitterVersionPinned: walk.c mirrors tree-sitter's internal
// structures of the version go-tree-sitter v0.25.0 vendors. Another version
// may lay them out differently: before changing go.mod's version, compare
// src/subtree.h, length.h, tree.h and parser.h of the new module with
// walk.c's declarations and grammar/tree_sitter/parser.h, then run
// TestWalkMatchesCursor and TestWalkMatchesCursorOnFiles over a corpus.
func TestTreeSitterVersionPinned(t *testing.T) {
	mod, err := os.ReadFile("../../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*github\.com/tree-sitter/go-tree-sitter (\S+)`).FindSubmatch(mod)
	if m == nil {
		t.Fatal("go.mod does not require github.com/tree-sitter/go-tree-sitter")
	}
	if got := string(m[1]); got != "v0.25.0" {
		t.Errorf("go-tree-sitter is %s; walk.c was verified against v0.25.0 (see this test's comment)", got)
	}
	if bytes.Contains(mod, []byte("replace github.com/tree-sitter/go-tree-sitter")) {
		t.Error("go-tree-sitter is replaced: verify walk.c against the replacement")
	}
	// walk.c reads TSLanguage through the grammar's copy of parser.h: it
	// must be the runtime's own.
	cache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	runtimeH, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(cache)), "github.com/tree-sitter/go-tree-sitter@"+string(m[1]), "src/parser.h"))
	if err != nil {
		t.Fatal(err)
	}
	grammarH, err := os.ReadFile("grammar/tree_sitter/parser.h")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(runtimeH, grammarH) {
		t.Error("grammar/tree_sitter/parser.h differs from the tree-sitter runtime's src/parser.h: walk.c's TSLanguage would not be the runtime's")
	}
}
