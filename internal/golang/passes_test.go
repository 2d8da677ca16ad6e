package golang

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/lint"
)

// keyedSet is an OptionSet whose options key is its key for XY002 and ""
// for the other rules.
type keyedSet struct{ key string }

func (s *keyedSet) Options(*lint.Rule) any { return nil }

func (s *keyedSet) OptionsKey(r *lint.Rule) string {
	if r == unauthenticatedroute.Rule {
		return s.key
	}
	return ""
}

// analyzersPerRule loads testdata/mod with svc/'s packages under one set
// and the others under another, and returns how many analyzers each rule
// got and how many passes ran.
func analyzersPerRule(t *testing.T, svc, other OptionSet) (map[string]int, int) {
	t.Helper()
	optionsFor := func(dir string) OptionSet {
		if strings.Contains(filepath.ToSlash(dir), "/svc") {
			return svc
		}
		return other
	}
	prog, _, err := LoadOverlay(context.Background(), "testdata/mod", []string{"./..."}, analyzers.Go, optionsFor, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[*analysis.Analyzer]bool{}
	per := map[string]int{}
	for _, as := range prog.analyzersOf {
		for _, a := range as {
			if !seen[a] {
				seen[a] = true
				per[prog.ruleOf[a].Code]++
			}
		}
	}
	return per, len(prog.passes(analyzers.Go, optionsFor))
}

// Two configurations whose options are equal share every analyzer and run
// in one pass; when they differ in XY002's options only, XY002 gets one
// analyzer per configuration, in a pass of its own per group, and the
// other rules (missing-shutdown's facts among them) still run once over
// every package.
func TestAnalyzersSharedAcrossEqualOptions(t *testing.T) {
	per, passes := analyzersPerRule(t, &keyedSet{"a"}, &keyedSet{"a"})
	for code, n := range per {
		if n != 1 {
			t.Errorf("equal options: %s has %d analyzers", code, n)
		}
	}
	if passes != 1 {
		t.Errorf("equal options: %d passes, want 1", passes)
	}
	per, passes = analyzersPerRule(t, &keyedSet{"a"}, &keyedSet{"b"})
	for code, n := range per {
		if want := map[bool]int{true: 2, false: 1}[code == unauthenticatedroute.Rule.Code]; n != want {
			t.Errorf("XY002's options differ: %s has %d analyzers, want %d", code, n, want)
		}
	}
	if passes != 3 {
		t.Errorf("XY002's options differ: %d passes, want 3 (the shared analyzers, then XY002 per group)", passes)
	}
	if len(per) != len(analyzers.Go) {
		t.Errorf("%d rules built, want %d", len(per), len(analyzers.Go))
	}
}
