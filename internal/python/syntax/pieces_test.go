package syntax

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// tricky holds top-level statements that a cut must not split: strings
// holding code at column 0, brackets and continuations across lines,
// decorators, compound statements continued by else/except/finally,
// comments at column 0 between and inside blocks.
const tricky = `import os
s = """
x = 1
def f(): pass
"""
t = '''
@decorator
'''
u = "escaped \" quote # not a comment" ; v = 'x\
y = 2'
call(
1,
[2,
3])
total = 1 + \
2
@decorator
# a comment between the decorator and what it decorates
def g(a,
b):
    return a
# a comment after a block, at column 0
if os:
    pass
# between if and else
else:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
for i in []:
    pass
else:
    pass
class C:
    x = f"{s!r:>10}" f'{t}'
    def m(self):
        pass
# trailing comment
w = rb"\d" + br'\\'
`

func TestPieceStartsCutBetweenStatements(t *testing.T) {
	starts := pieceStarts([]byte(tricky), 1)
	var lines []string
	for _, s := range starts[1:] {
		line, _, _ := strings.Cut(tricky[s:], "\n")
		lines = append(lines, line)
	}
	want := []string{
		"s = \"\"\"", "t = '''", "u = \"escaped \\\" quote # not a comment\" ; v = 'x\\",
		"call(", "total = 1 + \\", "@decorator", "if os:", "try:", "for i in []:", "class C:", "w = rb\"\\d\" + br'\\\\'",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("cuts before:\n%q\nwant\n%q", lines, want)
	}
}

// TestPiecesParseAsWhole checks that a file parsed in pieces gives the same
// array as a whole parse, node for node.
func TestPiecesParseAsWhole(t *testing.T) {
	src := []byte(strings.Repeat(tricky, 20))
	whole := flattenWith(t, src, len(src)+1)
	pieces := flattenWith(t, src, 64)
	if len(pieceStarts(src, 64)) < 20 {
		t.Fatal("the source was not cut")
	}
	if !slices.Equal(whole, pieces) {
		t.Fatalf("pieces differ from the whole parse: %d and %d nodes", len(whole), len(pieces))
	}
	// With a syntax error, the whole file is parsed: error recovery in a
	// piece could depend on what follows.
	bad := append(slices.Clone(src), "def broken(:\n"...)
	bad = append(bad, src...)
	if got, want := flattenWith(t, bad, 64), flattenWith(t, bad, len(bad)+1); !slices.Equal(got, want) {
		t.Fatal("a file with a syntax error was not parsed whole")
	}
}

// TestPiecesParseAsWholeOnFiles does the same for every .py file under
// $XYLINT_CORPUS (a checkout of python-docs-samples, say), cut small.
func TestPiecesParseAsWholeOnFiles(t *testing.T) {
	root := os.Getenv("XYLINT_CORPUS")
	if root == "" {
		t.Skip("set XYLINT_CORPUS to a directory of Python files")
	}
	n := 0
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".py") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil || SkipReason(p, src) != "" {
			return nil
		}
		whole, pieces := flattenWith(t, src, len(src)+1), flattenWith(t, src, 256)
		if !slices.Equal(whole, pieces) {
			t.Errorf("%s: pieces differ from the whole parse", p)
		}
		n++
		return nil
	})
	t.Logf("%d files", n)
}

func flattenWith(t *testing.T, src []byte, size int) []node {
	t.Helper()
	defer func(old int) { pieceSize = old }(pieceSize)
	pieceSize = size
	nodes, err := flatten(src, 0)
	if err != nil {
		t.Fatal(err)
	}
	return nodes
}

// TestLargeFileCost guards against the cost of a large file growing back:
// a 600 KB file of 100,000 statements (one syntax node per 1.2 bytes, the
// densest Python there is) used to hold a 180 MB tree-sitter tree and a
// second copy of the node array (1.9 GB peak for 10 MB). Now tree-sitter holds one piece's tree at
// a time, and Parse allocates the node array once plus the line index: a
// few allocations and at most 32 bytes per node in all.
func TestLargeFileCost(t *testing.T) {
	if size := unsafe.Sizeof(node{}); size > 20 {
		t.Errorf("a node takes %d bytes, want 20", size)
	}
	src := []byte(strings.Repeat("x = 1\n", 100_000))
	if n, want := len(pieceStarts(src, pieceSize)), len(src)/pieceSize; n < want {
		t.Errorf("cut into %d pieces, want %d", n, want)
	}
	var f *File
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	allocs := testing.AllocsPerRun(1, func() {
		var err error
		if f, err = Parse("big.py", src); err != nil {
			t.Fatal(err)
		}
	})
	runtime.ReadMemStats(&after)
	nodes := f.Tree.Len()
	if nodes != 500_001 || len(f.Errors) != 0 {
		t.Fatalf("%d nodes, errors %v", nodes, f.Errors)
	}
	// AllocsPerRun runs the function twice (a warm-up, then the measured run).
	perNode := float64(after.TotalAlloc-before.TotalAlloc) / 2 / float64(nodes)
	t.Logf("%.0f allocations, %.1f bytes per node", allocs, perNode)
	if allocs > 64 {
		t.Errorf("Parse made %.0f allocations for %d nodes: something allocates per node or per piece", allocs, nodes)
	}
	if perNode > 32 {
		t.Errorf("Parse allocated %.1f bytes per node, want at most 32", perNode)
	}
}
