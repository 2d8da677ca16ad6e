package fix_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/fix"
)

// gnuDiff is `diff -u` of old and new (GNU diffutils), labelled as
// fix.Diff labels them.
func gnuDiff(t *testing.T, dir, path string, old, new []byte) string {
	t.Helper()
	a, b := filepath.Join(dir, "old"), filepath.Join(dir, "new")
	if err := os.WriteFile(a, old, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, new, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("diff", "-u", "--label", "a/"+path, "--label", "b/"+path, a, b).Output()
	if e, ok := err.(*exec.ExitError); !ok || e.ExitCode() != 1 {
		if len(old) == len(new) && string(old) == string(new) && err == nil {
			return ""
		}
		t.Fatalf("diff -u: %v", err)
	}
	return string(out)
}

// headers are the hunk headers of a unified diff.
func headers(d string) []string {
	var out []string
	for _, l := range strings.Split(d, "\n") {
		if strings.HasPrefix(l, "@@") {
			out = append(out, l)
		}
	}
	return out
}

// TestDiffMatchesGNUDiff compares fix.Diff with GNU diff -u over changes
// whose line matching is unambiguous (every line distinct), so that any
// correct diff has the same hunks: inserted, deleted and replaced runs at
// the start, the end and in between, at every distance from each other
// (hunks join when at most six unchanged lines apart), files without a
// final newline, empty files on either side.
func TestDiffMatchesGNUDiff(t *testing.T) {
	if _, err := exec.LookPath("diff"); err != nil {
		t.Fatal("GNU diff (diffutils) is needed: ", err)
	}
	dir := t.TempDir()
	check := func(name string, old, new []byte) {
		t.Helper()
		got, want := fix.Diff("x.py", old, new), gnuDiff(t, dir, "x.py", old, new)
		if got != want {
			t.Errorf("%s:\nold:\n%s\nnew:\n%s\nfix.Diff:\n%s\ndiff -u:\n%s", name, old, new, got, want)
		}
	}
	lines := func(prefix string, n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("%s%d\n", prefix, i))
		}
		return out
	}
	join := func(ls []string) []byte { return []byte(strings.Join(ls, "")) }

	check("empty old", nil, []byte("a\nb\n"))
	check("empty new", []byte("a\nb\n"), nil)
	check("one line to another", []byte("a\n"), []byte("b\n"))
	check("newline added at the end", []byte("a\nb"), []byte("a\nb\n"))
	check("newline dropped at the end", []byte("a\nb\n"), []byte("a\nb"))
	check("last line without newline changed", []byte("a\nb\nc\nd\ne"), []byte("a\nb\nc\nd\nf"))
	check("context line without newline", []byte("a\nb\nc"), []byte("x\nb\nc"))
	check("crlf", []byte("a\r\nb\r\nc\r\n"), []byte("a\r\nB\r\nc\r\n"))

	// Two changes at every distance: joined up to six lines apart.
	base := lines("line ", 30)
	for gap := 0; gap <= 9; gap++ {
		for _, kind := range []string{"insert", "delete", "replace"} {
			n := append([]string(nil), base...)
			second := 10 + 1 + gap
			switch kind {
			case "insert":
				n = append(n[:second], append([]string{"new a\n", "new b\n"}, n[second:]...)...)
				n = append(n[:10], append([]string{"new c\n"}, n[10:]...)...)
			case "delete":
				n = append(n[:second], n[second+2:]...)
				n = append(n[:10], n[11:]...)
			case "replace":
				n[second] = "changed a\n"
				n = append(n[:10], append([]string{"changed b\n", "changed c\n", "changed d\n"}, n[11:]...)...)
			}
			check(fmt.Sprintf("%s, gap %d", kind, gap), join(base), join(n))
		}
	}

	// Random edits of unique lines, with files with and without a final
	// newline.
	rng := rand.New(rand.NewPCG(14, 5))
	fresh := 0
	for i := range 400 {
		old := lines("l", rng.IntN(60))
		n := append([]string(nil), old...)
		for range rng.IntN(6) + 1 {
			at := rng.IntN(len(n) + 1)
			switch rng.IntN(3) {
			case 0:
				var ins []string
				for range rng.IntN(4) + 1 {
					fresh++
					ins = append(ins, fmt.Sprintf("new %d\n", fresh))
				}
				n = append(n[:at], append(ins, n[at:]...)...)
			case 1:
				if at < len(n) {
					k := min(len(n), at+rng.IntN(4)+1)
					n = append(n[:at], n[k:]...)
				}
			case 2:
				if at < len(n) {
					fresh++
					n[at] = fmt.Sprintf("changed %d\n", fresh)
				}
			}
		}
		o, nw := join(old), join(n)
		if rng.IntN(4) == 0 && len(o) > 0 {
			o = o[:len(o)-1]
		}
		if rng.IntN(4) == 0 && len(nw) > 0 {
			nw = nw[:len(nw)-1]
		}
		if string(o) == string(nw) {
			continue
		}
		check(fmt.Sprintf("random %d", i), o, nw)
	}
}

// TestDiffHeadersOfFixes compares the hunk headers of fix.Diff with GNU
// diff's for the rules' own fixes: every Python test file and its golden.
// Where lines repeat (blank lines, closing brackets) two correct diffs may
// pair them differently; the headers are compared whenever both pair them
// the same way, which the hunks' bodies show.
func TestDiffHeadersOfFixes(t *testing.T) {
	goldens, err := filepath.Glob("../../analyzers/*/testdata/python/*.py.golden")
	if err != nil || len(goldens) < 20 {
		t.Fatalf("goldens: %d, %v", len(goldens), err)
	}
	dir := t.TempDir()
	compared := 0
	for _, g := range goldens {
		old, err := os.ReadFile(strings.TrimSuffix(g, ".golden"))
		if err != nil {
			t.Fatal(err)
		}
		new, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		got, want := fix.Diff("x.py", old, new), gnuDiff(t, dir, "x.py", old, new)
		if bodies(got) != bodies(want) {
			continue
		}
		compared++
		if h, w := strings.Join(headers(got), "\n"), strings.Join(headers(want), "\n"); h != w {
			t.Errorf("%s: hunk headers\n%s\nwant (diff -u)\n%s", g, h, w)
		}
	}
	if compared < len(goldens)*3/4 {
		t.Errorf("only %d of %d goldens pair their lines as diff -u does", compared, len(goldens))
	}
}

// bodies is a unified diff without its hunk headers.
func bodies(d string) string {
	var b strings.Builder
	for _, l := range strings.Split(d, "\n") {
		if !strings.HasPrefix(l, "@@") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
