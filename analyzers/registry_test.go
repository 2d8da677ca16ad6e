package analyzers_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/lint"
)

// folders are the rule folders of analyzers/ (those with a rule.go).
func folders(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if _, err := os.Stat(filepath.Join(e.Name(), "rule.go")); e.IsDir() && err == nil {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestEveryRuleEverywhere: every rule folder is in Rules, with its Go side
// in Go when it has analyzer.go and its Python analyzer in pyrules.All when
// it has python/, each list in code order; codes and names are unique.
func TestEveryRuleEverywhere(t *testing.T) {
	code := regexp.MustCompile(`^XY\d{3}$`)
	name := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for i, r := range analyzers.Rules {
		if !code.MatchString(r.Code) || !name.MatchString(r.Name) {
			t.Errorf("%s: want a code XYnnn and a kebab-case name", r.ID())
		}
		if i > 0 && analyzers.Rules[i-1].Code >= r.Code {
			t.Errorf("Rules: %s after %s: want code order, no duplicates", r.Code, analyzers.Rules[i-1].Code)
		}
		if r.Summary == "" || r.Doc == "" {
			t.Errorf("%s: no summary or documentation", r.ID())
		}
	}
	dirs := folders(t)
	if len(dirs) != len(analyzers.Rules) {
		t.Fatalf("%d rule folders, %d rules in the registry", len(dirs), len(analyzers.Rules))
	}
	var wantGo, wantPy []*lint.Rule
	for _, r := range analyzers.Rules {
		dir := ""
		for _, g := range analyzers.Go {
			if g.Rule == r {
				dir = g.Analyzer.Name
			}
		}
		// A rule's folder is its Go package; the analyzer is named after it.
		if dir == "" || !slices.Contains(dirs, dir) {
			t.Errorf("%s: no Go analyzer named after a rule folder", r.ID())
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, "analyzer.go")); err == nil {
			wantGo = append(wantGo, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "python")); err == nil {
			wantPy = append(wantPy, r)
		}
	}
	var gotGo, gotPy []*lint.Rule
	for _, g := range analyzers.Go {
		gotGo = append(gotGo, g.Rule)
		if a := g.New(nil); a == nil || a.Name != g.Analyzer.Name || a.Doc != g.Rule.Doc {
			t.Errorf("%s: New(nil) must build the analyzer %s with the rule's documentation", g.Rule.ID(), g.Analyzer.Name)
		}
		if !strings.HasSuffix(g.Analyzer.URL, "/analyzers/"+g.Analyzer.Name+"/doc.go") {
			t.Errorf("%s: URL %q does not point at the rule's doc.go", g.Rule.ID(), g.Analyzer.URL)
		}
	}
	for _, a := range pyrules.All {
		gotPy = append(gotPy, a.Rule)
	}
	if !slices.Equal(gotGo, wantGo) {
		t.Errorf("analyzers.Go: %v, want %v", codes(gotGo), codes(wantGo))
	}
	if !slices.Equal(gotPy, wantPy) {
		t.Errorf("pyrules.All: %v, want %v", codes(gotPy), codes(wantPy))
	}
}

func codes(rs []*lint.Rule) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Code)
	}
	return out
}

// Sections are the headings every rule's documentation has, in this order
// (as Ruff's rule pages): docs/architecture.md promises them to readers of
// `xylint rules NAME`.
var Sections = []string{"What it does", "Why is this bad?", "Example", "Use instead", "Fix safety", "Options"}

func TestDocSections(t *testing.T) {
	for _, r := range analyzers.Rules {
		var got []string
		for _, line := range strings.Split(r.Doc, "\n") {
			if h, ok := strings.CutPrefix(line, "# "); ok {
				got = append(got, strings.TrimSpace(h))
			}
		}
		at := 0
		for _, s := range Sections {
			i := slices.Index(got[at:], s)
			if i < 0 {
				t.Errorf("%s: doc.go has no %q section after %q (sections: %q)", r.ID(), s, got[:at], got)
				break
			}
			at += i + 1
		}
	}
}
