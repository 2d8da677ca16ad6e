package fingerprint

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

var rule = &lint.Rule{Code: "XY005", Name: "print-call"}

// at makes a diagnostic over the first occurrence of needle at or after
// the n-th (from 0) in src.
func at(t *testing.T, lang lint.Language, src, needle string, n int) lint.Diagnostic {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(src[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q: occurrence %d not found", needle, n)
		}
		off += 1 + j
	}
	return lint.Diagnostic{Rule: rule, Language: lang, Range: lint.Range{Start: lint.Position{Offset: off}, End: lint.Position{Offset: off + len(needle)}}}
}

func one(t *testing.T, lang lint.Language, src, needle string) Print {
	t.Helper()
	return Compute(File{Path: "svc/app.py", Src: []byte(src), Diagnostics: []lint.Diagnostic{at(t, lang, src, needle, 0)}})[0]
}

func TestMovingCodeKeepsTheFingerprint(t *testing.T) {
	before := "import x\n\ndef handler():\n    print('hi')  # debug\n    return 1\n"
	moved := "import x\nimport y\n\n\nclass Views:\n    def other(self):\n        pass\n\n    def handler(self):\n        # moved here\n        print( 'hi' )\n        return 1\n"
	a, b := one(t, lint.Python, before, "print"), one(t, lint.Python, moved, "print")
	if a != b {
		t.Errorf("moved and re-indented code changed the fingerprint:\n%v\n%v", a, b)
	}
}

func TestChangingTheStatementChangesIt(t *testing.T) {
	a := one(t, lint.Python, "print('hi')\n", "print")
	for _, other := range []string{"print('bye')\n", "print('hi', x)\n", "print ('h i')\n"} {
		if b := one(t, lint.Python, other, "print"); a.Hash == b.Hash {
			t.Errorf("%q has the fingerprint of print('hi')", other)
		}
	}
	// A comment character inside a string is the string's.
	if one(t, lint.Python, "print('#a')\n", "print").Hash == one(t, lint.Python, "print('#b')\n", "print").Hash {
		t.Error("text after # in a string was taken for a comment")
	}
}

func TestEnclosingStatementSpansBrackets(t *testing.T) {
	// The finding is on the decorator's call; its statement is the whole
	// bracketed call, lines 1-4: a dependency removed on line 3 changes it.
	with := "app.include_router(\n    router,\n    dependencies=[Depends(auth)],\n)\n"
	without := "app.include_router(\n    router,\n)\n"
	if one(t, lint.Python, with, "router,").Hash == one(t, lint.Python, without, "router,").Hash {
		t.Error("a change inside the enclosing call did not change the fingerprint")
	}
	// A line after the statement is not part of it.
	if one(t, lint.Python, "f(\n  a)\ng()\n", "a").Hash != one(t, lint.Python, "f(\n  a)\nh()\n", "a").Hash {
		t.Error("the next statement changed the fingerprint")
	}
}

func TestWholeFunctionSpanIsItsHeader(t *testing.T) {
	a := "def f(x):\n    return x\n"
	b := "def f(x):\n    y = x\n    return y\n"
	da := lint.Diagnostic{Rule: rule, Language: lint.Python, Range: lint.Range{End: lint.Position{Offset: len(a)}}}
	db := lint.Diagnostic{Rule: rule, Language: lint.Python, Range: lint.Range{End: lint.Position{Offset: len(b)}}}
	pa := Compute(File{Path: "a.py", Src: []byte(a), Diagnostics: []lint.Diagnostic{da}})
	pb := Compute(File{Path: "a.py", Src: []byte(b), Diagnostics: []lint.Diagnostic{db}})
	if pa[0] != pb[0] {
		t.Error("editing a function's body changed the fingerprint of a finding on the whole function")
	}
}

func TestOccurrences(t *testing.T) {
	src := "print(1)\nx = 2\nprint(1)\nprint(2)\n"
	d0, d1, d2 := at(t, lint.Python, src, "print", 0), at(t, lint.Python, src, "print", 1), at(t, lint.Python, src, "print", 2)
	// Given out of order: occurrences follow the file.
	ps := Compute(File{Path: "a.py", Src: []byte(src), Diagnostics: []lint.Diagnostic{d1, d2, d0}})
	if ps[0].Hash != ps[2].Hash || ps[2].Occurrence != 0 || ps[0].Occurrence != 1 {
		t.Errorf("two identical statements: %v and %v, want occurrences 0 then 1 in file order", ps[2], ps[0])
	}
	if ps[1].Hash == ps[0].Hash || ps[1].Occurrence != 0 {
		t.Errorf("print(2) = %v, want its own hash, occurrence 0", ps[1])
	}
	if got := ps[0].String(); !strings.HasPrefix(got, "XY005:a.py:") || !strings.HasSuffix(got, ":1") {
		t.Errorf("String() = %q", got)
	}
}

func TestGo(t *testing.T) {
	a := "package p\n\nfunc f() {\n\tfmt.Println(`a // b`) // log\n}\n"
	b := "package p\n\n// f does\nfunc f() {\n\n\tfmt.Println(`a // b`)\n}\n"
	if one(t, lint.Go, a, "fmt.Println").Hash != one(t, lint.Go, b, "fmt.Println").Hash {
		t.Error("a comment and a moved line changed a Go fingerprint")
	}
	c := "package p\n\nfunc f() {\n\tfmt.Println(`a /* b`) /* x\n y */\n}\n"
	d := "package p\n\nfunc f() {\n\tfmt.Println(`a /* c`)\n}\n"
	if one(t, lint.Go, c, "fmt.Println").Hash == one(t, lint.Go, d, "fmt.Println").Hash {
		t.Error("text in a raw string was taken for a comment")
	}
}

func TestOutOfRangeSpans(t *testing.T) {
	d := lint.Diagnostic{Rule: rule, Language: lint.Python, Range: lint.Range{Start: lint.Position{Offset: 50}, End: lint.Position{Offset: 10}}}
	if ps := Compute(File{Path: "a.py", Src: []byte("x\n"), Diagnostics: []lint.Diagnostic{d}}); len(ps) != 1 || ps[0].Hash == "" {
		t.Errorf("a span outside the file: %v", ps)
	}
}

// A Go function body is a block of statements, not one bracketed
// statement: a finding in it is identified by its own statement.
func TestGoStatementsInBlocks(t *testing.T) {
	a := "package p\n\nfunc main() {\n\tmux.HandleFunc(\"/a\", a)\n\tmux.HandleFunc(\"/b\", b)\n}\n"
	b := "package p\n\nfunc main() {\n\tmux.HandleFunc(\"/a\", a)\n\tmux.HandleFunc(\"/b\", RequireAuth(b))\n\tmux.HandleFunc(\"/c\", c)\n}\n"
	if one(t, lint.Go, a, "mux.HandleFunc(\"/a\"").Hash != one(t, lint.Go, b, "mux.HandleFunc(\"/a\"").Hash {
		t.Error("changing another statement of the function changed the fingerprint")
	}
	// In a closure passed to a call, too.
	c := "package p\n\nfunc main() {\n\tgo func() {\n\t\tfmt.Println(x)\n\t\ty()\n\t}()\n}\n"
	d := "package p\n\nfunc main() {\n\tgo func() {\n\t\tfmt.Println(x)\n\t\tz()\n\t}()\n}\n"
	if one(t, lint.Go, c, "fmt.Println").Hash != one(t, lint.Go, d, "fmt.Println").Hash {
		t.Error("a closure's other statement changed the fingerprint")
	}
}
