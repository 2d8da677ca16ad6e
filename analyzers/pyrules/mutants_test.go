package pyrules_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xynergy/xylint/internal/python/pyanalysistest"
)

// TestFixedMutantsCompile checks FuzzFix's properties on variants of the
// seeds that byte mutation rarely reaches — the file nested in an `if` or a
// function, lines dropped, two files joined, CRLF and tabs — and compiles
// every changed result with the real `python3 -m py_compile` (the fuzz
// target compiles through a worker with compile(); this is the command the
// guarantee names). Only variants CPython compiles are fixed: a fix need
// not make invalid Python valid.
func TestFixedMutantsCompile(t *testing.T) {
	py := newCompileWorker(t)
	seeds := ruleTestFiles(t)
	for _, s := range append(mixedSeeds, edgeSeeds...) {
		seeds = append(seeds, []byte(s))
	}
	outputs := map[string][]byte{}
	valid := 0
	for i, s := range seeds {
		for _, m := range mutants(s, seeds[(i+1)%len(seeds)]) {
			if py.compiles(m) != nil {
				continue
			}
			valid++
			if out := checkFix(t, py, m); !bytes.Equal(out, m) {
				outputs[fmt.Sprintf("m%04d.py", len(outputs))] = out
			}
		}
	}
	t.Logf("%d valid variants of %d seeds, %d changed by the fixes", valid, len(seeds), len(outputs))
	if len(outputs) < 300 {
		t.Fatalf("only %d variants were changed by the fixes; expected several hundred", len(outputs))
	}
	pyanalysistest.Compile(t, t.TempDir(), outputs)
}

// mutants returns variants of src (next is another seed to join it with).
func mutants(src, next []byte) [][]byte {
	ms := [][]byte{
		src, crlf(src), tabs(src), twoSpaces(src), crlf(tabs(src)),
		append([]byte("\xef\xbb\xbf"), src...), bytes.TrimRight(src, "\r\n"),
		indentUnder("if True:\n", src), indentUnder("def outer():\n", src), indentUnder("class Outer:\n", src),
		join(src, next),
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	for _, k := range []int{len(lines) / 4, len(lines) / 2, 3 * len(lines) / 4} {
		if k > 0 && k < len(lines) {
			ms = append(ms, bytes.Join(append(append([][]byte{}, lines[:k]...), lines[k+1:]...), nil))
		}
	}
	return ms
}

// indentUnder puts src one level under header (string contents spanning
// lines get the indentation too, which keeps them valid Python).
func indentUnder(header string, src []byte) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for _, l := range bytes.SplitAfter(src, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			b.WriteString("    ")
		}
		b.Write(l)
	}
	b.WriteString("\n    pass\n")
	return b.Bytes()
}

// twoSpaces re-indents four-space indentation with two spaces.
func twoSpaces(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i, l := range lines {
		n := 0
		for bytes.HasPrefix(l[n*4:], []byte("    ")) {
			n++
		}
		lines[i] = append(bytes.Repeat([]byte("  "), n), l[n*4:]...)
	}
	return bytes.Join(lines, nil)
}

func join(a, b []byte) []byte {
	out := append([]byte{}, a...)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	return append(out, b...)
}
