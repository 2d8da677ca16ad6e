package review

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
)

var printCall = &lint.Rule{Code: "XY005", Name: "print-call", Severity: lint.Warning, FixSafety: lint.Safe}

// finding is a print-call finding on the text at [start, end) of src whose
// fix replaces it with repl and, when imp is set, inserts imp at offset 0.
func finding(path, src string, start, end int, repl, imp string) *Finding {
	lines := lint.NewLines([]byte(src))
	d := lint.Diagnostic{Rule: printCall, Path: path, Range: lines.Range(start, end), Message: "`print` call", Severity: lint.Warning,
		Fix: &lint.Fix{Message: "Replace with `logger.info`", Edits: []lint.Edit{{Start: start, End: end, New: repl}}}}
	if imp != "" {
		d.Fix.Edits = append(d.Fix.Edits, lint.Edit{Start: 0, End: 0, New: imp})
	}
	return &Finding{Path: path, Diagnostic: d}
}

func TestParsePatch(t *testing.T) {
	got := ParsePatch("@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e\n@@ -10 +11,2 @@ def f():\n x\n+y\n\\ No newline at end of file")
	want := map[int]int{1: 0, 2: 0, 3: 0, 4: 0, 11: 1, 12: 1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for l, h := range want {
		if got[l] != h {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
}

func TestPlanPlacesEachFixWhereGitHubTakesIt(t *testing.T) {
	src := "import os\n\n\ndef f():\n    print(1)\n    print(2)\n    return os\n"
	a := strings.Index(src, "print(1)")
	b := strings.Index(src, "print(2)")
	fa := finding("svc.py", src, a, a+8, "logger.info(1)", "import logging\n")
	fb := finding("svc.py", src, b, b+8, "logger.info(2)", "import logging\n")
	fixed := "import logging\nimport os\n\n\ndef f():\n    logger.info(1)\n    logger.info(2)\n    return os\n"
	files := []File{{Path: "svc.py", Old: []byte(src), New: []byte(fixed)}}

	// Only the two prints are in the diff: the import is not, so the one
	// fix (shared import) is a patch comment on the first finding.
	diff := &Diff{Path: "svc.py", SHA: BlobSHA([]byte(src)), Right: map[int]int{4: 0, 5: 0, 6: 0, 7: 0}}
	p := MakePlan([]*Finding{fa, fb}, files, map[string]*Diff{"svc.py": diff}, PlanOptions{})
	if len(p.Comments) != 1 || p.Comments[0].Kind != Patch || p.Comments[0].Line != 5 || len(p.Left) != 0 || p.Fixable != 2 {
		t.Fatalf("plan: %+v, left %+v", p.Comments, p.Left)
	}
	if body := p.Comments[0].Body; !strings.Contains(body, "```diff\n--- a/svc.py\n+++ b/svc.py\n@@") || !strings.Contains(body, "+import logging\n") {
		t.Fatalf("patch comment:\n%s", body)
	}

	// The whole file in the diff: two suggestions, the import's over the
	// first line (an insertion replaces the line it goes before, keeping
	// it), and the two prints', one change over lines 5 to 6.
	all := &Diff{Path: "svc.py", SHA: diff.SHA, Right: map[int]int{1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0}}
	p = MakePlan([]*Finding{fa, fb}, files, map[string]*Diff{"svc.py": all}, PlanOptions{})
	if len(p.Comments) != 2 {
		t.Fatalf("want 2 suggestions, got %+v", p.Comments)
	}
	if c := p.Comments[1]; c.StartLine != 5 || c.Line != 6 || !strings.Contains(c.Body, "```suggestion\n    logger.info(1)\n    logger.info(2)\n```") {
		t.Fatalf("lines %d-%d:\n%s", c.StartLine, c.Line, c.Body)
	}
	for _, c := range p.Comments {
		if c.Kind != Suggestion {
			t.Fatalf("not a suggestion: %+v", c)
		}
	}
	if c := p.Comments[0]; c.Line != 1 || !strings.Contains(c.Body, "```suggestion\nimport logging\nimport os\n```") {
		t.Fatalf("import suggestion on line %d:\n%s", c.Line, c.Body)
	}

	// A file changed since it was checked (another content at the head):
	// no comment can be placed.
	stale := &Diff{Path: "svc.py", SHA: BlobSHA([]byte("other")), Right: all.Right}
	p = MakePlan([]*Finding{fa, fb}, files, map[string]*Diff{"svc.py": stale}, PlanOptions{})
	if len(p.Comments) != 0 || len(p.Left) != 2 || !strings.Contains(p.Left[0].Why, "not the pull request's head") {
		t.Fatalf("stale file: %+v %+v", p.Comments, p.Left)
	}
}

func TestPlanCapsCommentsAndListsTheRest(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 40; i++ {
		b.WriteString("print(x)\n")
	}
	src := b.String()
	right := map[int]int{}
	var fs []*Finding
	for i := 0; i < 40; i++ {
		right[i+1] = 0
		f := finding("gen.py", src, i*9, i*9+8, "", "")
		f.Fix = nil
		fs = append(fs, f)
	}
	files := []File{{Path: "gen.py", Old: []byte(src), New: []byte(src)}}
	p := MakePlan(fs, files, map[string]*Diff{"gen.py": {Path: "gen.py", SHA: BlobSHA([]byte(src)), Right: right}}, PlanOptions{})
	if len(p.Comments) != DefaultMax || len(p.Left) != 40-DefaultMax {
		t.Fatalf("%d comments, %d left", len(p.Comments), len(p.Left))
	}
	keys := map[string]bool{}
	for _, c := range p.Comments {
		if keys[c.Key] {
			t.Fatalf("two comments with key %s", c.Key)
		}
		keys[c.Key] = true
	}
	s := p.Summary(len(p.Comments), "")
	if !strings.Contains(s, "10 findings without an inline comment") || !strings.Contains(s, "over the cap of 30") || !strings.HasSuffix(s, summaryMarker) {
		t.Fatalf("summary:\n%s", s)
	}
}
