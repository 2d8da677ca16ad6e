package fix_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
)

var (
	ruleA = &lint.Rule{Code: "XYA", Name: "a", FixSafety: lint.Safe}
	ruleB = &lint.Rule{Code: "XYB", Name: "b", FixSafety: lint.Unsafe}
)

// words reports every match of re with a fix produced by mk (nil: none).
func words(rule *lint.Rule, re string, mk func(src []byte, m []int) []lint.Edit) fix.Analyze {
	rx := regexp.MustCompile(re)
	return func(src []byte) (fix.Analysis, error) {
		var ds []lint.Diagnostic
		lines := lint.NewLines(src)
		for _, m := range rx.FindAllIndex(src, -1) {
			d := lint.Diagnostic{Rule: rule, Range: lines.Range(m[0], m[1]), Message: string(src[m[0]:m[1]])}
			if mk != nil {
				if es := mk(src, m); es != nil {
					d.Fix = &lint.Fix{Message: "fix", Edits: es}
				}
			}
			ds = append(ds, d)
		}
		return fix.Analysis{Diagnostics: ds}, nil
	}
}

func both(as ...fix.Analyze) fix.Analyze {
	return func(src []byte) (fix.Analysis, error) {
		var all []lint.Diagnostic
		for _, a := range as {
			an, _ := a(src)
			all = append(all, an.Diagnostics...)
		}
		return fix.Analysis{Diagnostics: all}, nil
	}
}

func replaceWith(s string) func([]byte, []int) []lint.Edit {
	return func(_ []byte, m []int) []lint.Edit { return []lint.Edit{{Start: m[0], End: m[1], New: s}} }
}

func TestFixFileAppliesAllAndConverges(t *testing.T) {
	src := []byte("foo x foo\nfoo\n")
	out, rep, err := fix.FixFile("f", src, words(ruleA, `foo`, replaceWith("bar")), fix.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "bar x bar\nbar\n" {
		t.Errorf("got %q", out)
	}
	if rep.Fixed(ruleA) != 3 || len(rep.Left) != 0 || !rep.Converged || rep.Rounds != 1 {
		t.Errorf("report: %+v", rep)
	}
	if string(src) != "foo x foo\nfoo\n" {
		t.Error("src was modified")
	}
}

func TestSharedEditsAppliedOnce(t *testing.T) {
	// Every fix also adds the same header line: it must appear once.
	mk := func(src []byte, m []int) []lint.Edit {
		if bytes.HasPrefix(src, []byte("import log\n")) {
			return []lint.Edit{{Start: m[0], End: m[1], New: "log"}}
		}
		return []lint.Edit{{Start: 0, End: 0, New: "import log\n"}, {Start: m[0], End: m[1], New: "log"}}
	}
	out, rep, _ := fix.FixFile("f", []byte("print\nprint\n"), words(ruleA, `print`, mk), fix.Options{})
	if string(out) != "import log\nlog\nlog\n" {
		t.Errorf("got %q", out)
	}
	if rep.Fixed(nil) != 2 || rep.Rounds != 1 {
		t.Errorf("want both fixes in one round: %+v", rep)
	}
}

func TestOverlapIsRetriedNextRound(t *testing.T) {
	// Rule A rewrites "ab" to "AB"; rule B rewrites "bc" to "BC": on "abc"
	// they overlap. A goes first (earlier edit); then "ABc" has no "bc".
	// On "ab bc" both apply in one round.
	a := words(ruleA, `ab`, replaceWith("AB"))
	b := words(ruleB, `bc`, replaceWith("BC"))
	out, rep, _ := fix.FixFile("f", []byte("abc ab bc"), both(a, b), fix.Options{Unsafe: true})
	if string(out) != "ABc AB BC" {
		t.Errorf("got %q", out)
	}
	if rep.Fixed(ruleA) != 2 || rep.Fixed(ruleB) != 1 || len(rep.Left) != 0 {
		t.Errorf("report: %+v", rep)
	}
	// Two insertions at one point with different text conflict; the second
	// goes in the next round.
	ins := func(s string) func([]byte, []int) []lint.Edit {
		return func(_ []byte, m []int) []lint.Edit { return []lint.Edit{{Start: m[0], End: m[0], New: s}} }
	}
	out, rep, _ = fix.FixFile("f", []byte("x"), both(words(ruleA, `^x`, ins("1")), words(ruleB, `^[1]?x`, ins("2"))), fix.Options{Unsafe: true, MaxRounds: 3})
	if string(out) != "1x" && string(out) != "21x" {
		t.Errorf("got %q", out)
	}
	if rep.Rounds < 2 && string(out) == "21x" {
		t.Errorf("conflicting insertions applied in one round: %+v", rep)
	}
}

func TestUnsafeNeedsOptIn(t *testing.T) {
	src := []byte("bc")
	out, rep, _ := fix.FixFile("f", src, words(ruleB, `bc`, replaceWith("BC")), fix.Options{})
	if string(out) != "bc" || len(rep.Left) != 1 || rep.Left[0].Reason != fix.UnsafeFix {
		t.Errorf("got %q, %+v", out, rep.Left)
	}
	out, _, _ = fix.FixFile("f", src, words(ruleB, `bc`, replaceWith("BC")), fix.Options{Unsafe: true})
	if string(out) != "BC" {
		t.Errorf("with Unsafe: got %q", out)
	}
	_, rep, _ = fix.FixFile("f", src, words(ruleA, `bc`, nil), fix.Options{})
	if rep.Left[0].Reason != fix.NoFix {
		t.Errorf("no fix: %+v", rep.Left)
	}
}

// brackets counts unbalanced "(" and ")" as syntax errors.
func brackets(src []byte) int {
	depth := 0
	for _, b := range src {
		switch b {
		case '(':
			depth++
		case ')':
			depth--
			if depth < 0 {
				return 1
			}
		}
	}
	if depth != 0 {
		return 1
	}
	return 0
}

func TestBrokenFixIsRejectedOthersApplied(t *testing.T) {
	// The "bad" fix breaks the brackets; the "good" one does not.
	good := words(ruleA, `good`, replaceWith("fine"))
	bad := words(ruleB, `bad`, replaceWith("("))
	src := []byte("(good bad)\n")
	out, rep, err := fix.FixFile("f", src, both(good, bad), fix.Options{Unsafe: true, SyntaxErrors: brackets})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "(fine bad)\n" {
		t.Errorf("got %q", out)
	}
	if len(rep.Failed) != 1 || rep.Failed[0].Rule != ruleB || !strings.Contains(rep.Failed[0].Err, "syntax error") {
		t.Errorf("failed: %+v", rep.Failed)
	}
	if len(rep.Left) != 1 || rep.Left[0].Reason != fix.Failed {
		t.Errorf("left: %+v", rep.Left)
	}
}

func TestInputWithSyntaxErrorsIsNotFixed(t *testing.T) {
	src := []byte("(good\n")
	out, rep, _ := fix.FixFile("f", src, words(ruleA, `good`, replaceWith("fine")), fix.Options{SyntaxErrors: brackets})
	if string(out) != string(src) || rep.Skipped == "" || rep.Left[0].Reason != fix.SyntaxErrors {
		t.Errorf("got %q, %+v", out, rep)
	}
}

func TestNonConvergingFixKeepsOriginal(t *testing.T) {
	// A fix that always finds something to do: "x" → "xx".
	src := []byte("x")
	out, rep, _ := fix.FixFile("f", src, words(ruleA, `x+`, replaceWith("xx")), fix.Options{MaxRounds: 4})
	if string(out) != "x" || rep.Converged || len(rep.Failed) == 0 || len(rep.Applied) != 0 {
		t.Errorf("got %q, %+v", out, rep)
	}
}

func TestBadEditsAreFailedNotApplied(t *testing.T) {
	outside := func(src []byte, m []int) []lint.Edit { return []lint.Edit{{Start: 0, End: len(src) + 5, New: ""}} }
	out, rep, _ := fix.FixFile("f", []byte("abc"), words(ruleA, `b`, outside), fix.Options{})
	if string(out) != "abc" || len(rep.Left) != 1 || rep.Left[0].Reason != fix.Failed {
		t.Errorf("got %q, %+v", out, rep)
	}
}

func TestApply(t *testing.T) {
	src := []byte("0123456789")
	out, err := fix.Apply(src, []lint.Edit{{Start: 8, End: 9, New: "X"}, {Start: 2, End: 2, New: "ab"}, {Start: 2, End: 4, New: ""}, {Start: 8, End: 9, New: "X"}})
	if err != nil || string(out) != "01ab4567X9" {
		t.Errorf("got %q, %v", out, err)
	}
	if _, err := fix.Apply(src, []lint.Edit{{Start: 1, End: 5}, {Start: 4, End: 6}}); err == nil {
		t.Error("overlapping edits: want an error")
	}
	if _, err := fix.Apply(src, []lint.Edit{{Start: 3, End: 3, New: "a"}, {Start: 3, End: 3, New: "b"}}); err == nil {
		t.Error("two insertions at one point: want an error")
	}
}

func TestWriteFileAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "run.py")
	if err := os.WriteFile(p, []byte("old"), 0o754); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(p, 0o754); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.py")
	if err := os.Symlink("run.py", link); err != nil {
		t.Fatal(err)
	}
	if err := fix.WriteIfUnchanged(link, []byte("old"), []byte("new")); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	fi, _ := os.Stat(p)
	li, _ := os.Lstat(link)
	if string(b) != "new" || fi.Mode().Perm() != 0o754 || li.Mode()&os.ModeSymlink == 0 {
		t.Errorf("content %q, mode %v, link %v", b, fi.Mode(), li.Mode())
	}
	if err := fix.WriteIfUnchanged(p, []byte("old"), []byte("newer")); err != fix.ErrChanged {
		t.Errorf("changed on disk: got %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestDiff(t *testing.T) {
	d := fix.Diff("svc/main.py", []byte("a\nb\n"), []byte("a\nc\n"))
	if !strings.HasPrefix(d, "--- a/svc/main.py\n+++ b/svc/main.py\n") || !strings.Contains(d, "-b\n+c\n") {
		t.Errorf("diff:\n%s", d)
	}
	// A file name cannot start a line of its own: quoted and escaped, as
	// git does.
	d = fix.Diff("x\n::error::y \"q\" \\.py", []byte("a\n"), []byte("b\n"))
	if !strings.HasPrefix(d, `--- "a/x\n::error::y \"q\" \\.py"`+"\n") {
		t.Errorf("diff:\n%s", d)
	}
	if fix.Diff("x", []byte("a"), []byte("a")) != "" {
		t.Error("equal: want no diff")
	}
}
