package fix_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
)

// toyRuntime reads a toy language: "import M" lines import M; "bind N"
// binds N; any other word "use:N" references N.
func toyRuntime(src []byte) *lint.Runtime {
	rt := &lint.Runtime{}
	bound := map[string]bool{}
	for _, l := range strings.Split(string(src), "\n") {
		if m, ok := strings.CutPrefix(l, "import "); ok {
			rt.Imports = append(rt.Imports, m)
		}
		if n, ok := strings.CutPrefix(l, "bind "); ok {
			bound[n] = true
		}
	}
	for _, m := range regexp.MustCompile(`use:(\w+)`).FindAllStringSubmatch(string(src), -1) {
		if !bound[m[1]] {
			if rt.Unbound == nil {
				rt.Unbound = map[string]int{}
			}
			rt.Unbound[m[1]]++
		}
	}
	slices.Sort(rt.Imports)
	rt.Imports = slices.Compact(rt.Imports)
	return rt
}

// A fix whose result uses a name nothing binds at run time is a failed fix
// (a bug, as a syntax error is), whatever else it gets right; the input's
// own unbound names do not count against it.
func TestFixLeavingANameUnboundFails(t *testing.T) {
	src := []byte("use:legacy\nprint a\nprint b\n")
	mk := func(src []byte, m []int) []lint.Edit {
		if string(src[m[0]:m[1]]) == "print a" {
			return []lint.Edit{{Start: m[0], End: m[1], New: "use:logger"}} // logger is bound nowhere
		}
		return []lint.Edit{{Start: 0, End: 0, New: "bind log\n"}, {Start: m[0], End: m[1], New: "use:log"}}
	}
	out, rep, err := fix.FixFile("f", src, words(ruleA, `print \w`, mk), fix.Options{Runtime: toyRuntime})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "bind log\nuse:legacy\nprint a\nuse:log\n" {
		t.Errorf("got %q", out)
	}
	if len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Err, "`logger`, which nothing binds when the code runs") {
		t.Errorf("failed: %+v", rep.Failed)
	}
}

// A fix adding an import the code cannot resolve is withheld (not a bug),
// with the reason the importability check gives.
func TestFixAddingAnUnresolvableImportIsWithheld(t *testing.T) {
	src := []byte("import os\nclient a\nclient b\n")
	mk := func(src []byte, m []int) []lint.Edit {
		return []lint.Edit{{Start: 0, End: 0, New: "import shared.pool\n"}, {Start: m[0], End: m[1], New: "pooled"}}
	}
	importable := func(m string) error {
		if m == "os" || strings.HasPrefix(m, "ok.") {
			return nil
		}
		return &notImportable{m}
	}
	out, rep, err := fix.FixFile("f", src, words(ruleA, `client \w`, mk), fix.Options{Runtime: toyRuntime, Importable: importable})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != string(src) || len(rep.Failed) != 0 || len(rep.Applied) != 0 {
		t.Errorf("got %q, report %+v", out, rep)
	}
	if len(rep.Left) != 2 || rep.Left[0].Reason != fix.Withheld || rep.Left[0].Detail != "shared.pool: not importable; set importable-modules" {
		t.Errorf("left: %+v", rep.Left)
	}
	// The input's own imports are not re-checked, and an importable module
	// is fine.
	mkOK := func(src []byte, m []int) []lint.Edit {
		return []lint.Edit{{Start: 0, End: 0, New: "import ok.pool\n"}, {Start: m[0], End: m[1], New: "pooled"}}
	}
	out, rep, _ = fix.FixFile("f", []byte("import legacy\nclient a\n"), words(ruleA, `client \w`, mkOK), fix.Options{Runtime: toyRuntime, Importable: importable})
	if string(out) != "import ok.pool\nimport legacy\npooled\n" || len(rep.Left) != 0 {
		t.Errorf("got %q, left %+v", out, rep.Left)
	}
}

// An analysis that counted no unbound names (lint.Runtime.ImportsOnly: a
// file pass with no fix of its own) gives the engine its imports, and the
// engine counts the names with Options.Runtime: the input's own unbound
// name is not taken for one the fix adds, and its own import, which only
// the analysis lists (resolved against the module), is not re-checked.
func TestFixCountsTheNamesAnAnalysisLeftOut(t *testing.T) {
	src := []byte("import .rel\nuse:legacy\nclient a\n")
	mk := func(src []byte, m []int) []lint.Edit {
		return []lint.Edit{{Start: 0, End: 0, New: "import ok.pool\n"}, {Start: m[0], End: m[1], New: "pooled"}}
	}
	importable := func(m string) error {
		if strings.HasPrefix(m, "ok.") {
			return nil
		}
		return &notImportable{m}
	}
	an, _ := words(ruleA, `client \w`, mk)(src)
	an.Runtime = &lint.Runtime{Imports: []string{".rel", "pkg.rel"}, ImportsOnly: true}
	out, rep, err := fix.FixFile("f", src, words(ruleA, `client \w`, mk),
		fix.Options{Runtime: toyRuntime, Importable: importable, Initial: &an})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "import ok.pool\nimport .rel\nuse:legacy\npooled\n" || len(rep.Failed) != 0 || len(rep.Left) != 0 {
		t.Errorf("got %q, report %+v", out, rep)
	}
	// A name the fix leaves unbound still fails it.
	bad := func(src []byte, m []int) []lint.Edit { return []lint.Edit{{Start: m[0], End: m[1], New: "use:logger"}} }
	an, _ = words(ruleA, `client \w`, bad)(src)
	an.Runtime = &lint.Runtime{Imports: []string{".rel"}, ImportsOnly: true}
	out, rep, _ = fix.FixFile("f", src, words(ruleA, `client \w`, bad), fix.Options{Runtime: toyRuntime, Initial: &an})
	if string(out) != string(src) || len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Err, "`logger`") {
		t.Errorf("got %q, failed %+v", out, rep.Failed)
	}
}

type notImportable struct{ m string }

func (e *notImportable) Error() string { return e.m + ": not importable; set importable-modules" }

// A fix whose result changes the invariant (Go: the build constraints)
// fails.
func TestFixChangingTheInvariantFails(t *testing.T) {
	src := []byte("//go:build linux\nx\n")
	constraint := func(src []byte) string { l, _, _ := strings.Cut(string(src), "\n"); return l }
	bad := func(_ []byte, m []int) []lint.Edit {
		return []lint.Edit{{Start: 0, End: m[1], New: "//go:build ignore\ny"}}
	}
	out, rep, _ := fix.FixFile("f", src, words(ruleA, `\bx\b`, bad), fix.Options{Invariant: constraint})
	if string(out) != string(src) || len(rep.Failed) != 1 || !strings.Contains(rep.Failed[0].Err, "changes what must not change") {
		t.Errorf("got %q, failed %+v", out, rep.Failed)
	}
}
