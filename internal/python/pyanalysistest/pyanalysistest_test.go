package pyanalysistest_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// recorder is a pyanalysistest.T that records failures instead of failing.
type recorder struct{ errs []string }

func (r *recorder) Helper()                      {}
func (r *recorder) Errorf(f string, args ...any) { r.errs = append(r.errs, fmt.Sprintf(f, args...)) }
func (r *recorder) Fatalf(f string, args ...any) { r.errs = append(r.errs, fmt.Sprintf(f, args...)) }

var testRule = &lint.Rule{Code: "XY999", Name: "test-rule"}

// flagAssignments reports every assignment to a name starting with "flagged".
var flagAssignments = &pyanalysis.Analyzer{
	Rule:  testRule,
	Kinds: []syntax.Kind{syntax.KindAssignment},
	Run: func(p *pyanalysis.Pass) error {
		for _, a := range p.Nodes(syntax.KindAssignment) {
			if left := a.ChildByField(syntax.FieldLeft); strings.HasPrefix(string(left.Text()), "flagged") {
				p.Reportf(a, "flagged %s", left.Text())
			}
		}
		return nil
	},
}

func TestHarnessReportsMissingFinding(t *testing.T) {
	var r recorder
	pyanalysistest.Run(&r, "testdata/missing", flagAssignments)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "a.py:1: no finding matched") {
		t.Errorf("errors = %q, want one missing-finding error at a.py:1", r.errs)
	}
}

func TestHarnessReportsUnexpectedFinding(t *testing.T) {
	var r recorder
	pyanalysistest.Run(&r, "testdata/unexpected", flagAssignments)
	if len(r.errs) != 2 ||
		!strings.Contains(r.errs[0], "a.py:1:1: unexpected finding: XY999 [test-rule] flagged flagged") ||
		!strings.Contains(r.errs[1], "a.py:2: no finding matched") {
		t.Errorf("errors = %q, want the unexpected finding on line 1 and the unmatched want on line 2", r.errs)
	}
}

// importFact is what resolveImports exports: an imported name and where.
func (importFact) PyFact() {}

type importFact struct {
	qualified, name string
	at              lint.Range
}

// resolveImports reports assignments to flagged* names in its file pass and,
// in its project phase, which file each flagged* import resolves to: a
// cross-file rule in miniature.
var resolveImports = &pyanalysis.Analyzer{
	Rule:      testRule,
	Kinds:     []syntax.Kind{syntax.KindAssignment},
	FactTypes: []pyanalysis.Fact{importFact{}},
	Run: func(p *pyanalysis.Pass) error {
		if err := flagAssignments.Run(p); err != nil {
			return err
		}
		for _, b := range p.Names.Imports {
			if strings.HasPrefix(b.Name, "flagged") {
				p.ExportFact(importFact{b.Qualified, b.Name, p.File.Lines.Range(b.Node.Start(), b.Node.End())})
			}
		}
		return nil
	},
	Project: func(p *pyanalysis.ProjectPass) error {
		for _, f := range p.Files {
			for _, v := range p.Facts(f) {
				fact := v.(importFact)
				file, _, ok := p.Modules.Split(f.Path, fact.qualified)
				if !ok {
					file = "nothing"
				}
				p.Reportf(f.Path, fact.at, "%s resolves to %s", fact.name, file)
			}
		}
		return nil
	},
}

func TestHarnessRunsProjects(t *testing.T) {
	var r recorder
	results := pyanalysistest.Run(&r, "testdata/projects", resolveImports)
	if len(r.errs) != 0 {
		t.Errorf("errors = %q, want none", r.errs)
	}
	if len(results) != 6 {
		t.Errorf("%d results, want the 6 files", len(results))
	}
}

func TestHarnessReportsMissingProjectFinding(t *testing.T) {
	var r recorder
	// Without its project phase the analyzer misses every cross-file want.
	fileOnly := *resolveImports
	fileOnly.Project = nil
	pyanalysistest.Run(&r, "testdata/projects", &fileOnly)
	if len(r.errs) != 4 || !strings.Contains(strings.Join(r.errs, "\n"), "platform/svc/main.py:1: no finding matched") {
		t.Errorf("errors = %q, want the four cross-file wants unmatched", r.errs)
	}
}

// appendReturn reports like flagAssignments, with a fix that appends a
// module-level `return`: tree-sitter parses it, CPython rejects it.
var appendReturn = &pyanalysis.Analyzer{
	Rule:  &lint.Rule{Code: "XY998", Name: "bad-fix", FixSafety: lint.Safe},
	Kinds: []syntax.Kind{syntax.KindAssignment},
	Run: func(p *pyanalysis.Pass) error {
		for _, a := range p.Nodes(syntax.KindAssignment) {
			if left := a.ChildByField(syntax.FieldLeft); strings.HasPrefix(string(left.Text()), "flagged") && !strings.Contains(string(p.Src), "return") {
				d := p.Diagnostic(a, "flagged %s", left.Text())
				d.Fix = &lint.Fix{Message: "append return", Safety: lint.Safe, Edits: []lint.Edit{{Start: len(p.Src), End: len(p.Src), New: "return\n"}}}
				p.Report(d)
			}
		}
		return nil
	},
}

func TestRunWithFixesCompilesGoldens(t *testing.T) {
	var r recorder
	pyanalysistest.RunWithFixes(&r, "testdata/badfix", appendReturn, nil)
	if len(r.errs) != 1 || !strings.Contains(r.errs[0], "fixed files do not compile") {
		t.Errorf("errors = %q, want one: the golden output does not compile with python3", r.errs)
	}
}

func TestRunWithFixesWithoutAnyFix(t *testing.T) {
	var r recorder
	pyanalysistest.RunWithFixes(&r, "testdata/missing", flagAssignments, nil)
	if len(r.errs) == 0 || !strings.Contains(r.errs[len(r.errs)-1], "no fix changes any file") {
		t.Errorf("errors = %q, want the last to say that no fix changes any file", r.errs)
	}
}

// A level before an expectation must match the finding's level too; without
// one, any level matches.
func TestHarnessMatchesLevels(t *testing.T) {
	var r recorder
	pyanalysistest.Run(&r, "testdata/levels", flagAssignments)
	if len(r.errs) != 2 ||
		!strings.Contains(r.errs[0], "a.py:2:1: unexpected finding: XY999 [test-rule] flagged flagged_b (warning)") ||
		!strings.Contains(r.errs[1], `a.py:2: no finding matched error "flagged"`) {
		t.Errorf("errors = %q, want the warning on line 2 unmatched by its error expectation", r.errs)
	}
}
