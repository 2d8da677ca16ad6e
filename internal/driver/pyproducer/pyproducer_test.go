package pyproducer_test

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/driver/pyproducer"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// crossCall reports, in its project phase, every call of a name that
// another file defines (and the file of the call does not), with a safe
// fix that renames the whole call to local_<call>: the fixes of nested
// calls overlap, so the inner one must wait for the next fix round.
var (
	crossCallRule = &lint.Rule{Code: "XY901", Name: "cross-call", Severity: lint.Warning, FixSafety: lint.Safe}
	crossCall     = &pyanalysis.Analyzer{
		Rule:      crossCallRule,
		Kinds:     []syntax.Kind{syntax.KindCall, syntax.KindFunctionDefinition},
		FactTypes: []pyanalysis.Fact{callFacts{}},
		Run: func(p *pyanalysis.Pass) error {
			var f callFacts
			for _, d := range p.Nodes(syntax.KindFunctionDefinition) {
				f.defs = append(f.defs, string(d.ChildByField(syntax.FieldName).Text()))
			}
			for _, c := range p.Nodes(syntax.KindCall) {
				fn := c.ChildByField(syntax.FieldFunction)
				if !fn.Is(syntax.KindIdentifier) {
					continue
				}
				f.calls = append(f.calls, call{
					name: string(fn.Text()),
					at:   p.File.Lines.Range(c.Start(), c.End()),
					fix: &lint.Fix{Message: "rename", Edits: []lint.Edit{
						{Start: c.Start(), End: c.End(), New: "local_" + string(c.Text())},
					}},
				})
			}
			p.ExportFact(f)
			return nil
		},
		Project: func(p *pyanalysis.ProjectPass) error {
			crossCallRuns.Add(1)
			definedIn := map[string]string{}
			for _, ff := range p.Files {
				for _, d := range p.Facts(ff)[0].(callFacts).defs {
					definedIn[d] = ff.Path
				}
			}
			for _, ff := range p.Files {
				if !p.Wants(ff.Path) {
					continue
				}
				for _, c := range p.Facts(ff)[0].(callFacts).calls {
					if def, ok := definedIn[c.name]; ok && def != ff.Path {
						p.Report(lint.Diagnostic{Path: ff.Path, Range: c.at, Message: "call of " + c.name, Fix: c.fix})
					}
				}
			}
			return nil
		},
	}
	crossCallRuns atomic.Int32

	// quiet has facts in every file and never reports.
	quietRule = &lint.Rule{Code: "XY902", Name: "quiet", Severity: lint.Warning}
	quiet     = &pyanalysis.Analyzer{
		Rule:      quietRule,
		FactTypes: []pyanalysis.Fact{quietFact{}},
		Run:       func(p *pyanalysis.Pass) error { p.ExportFact(quietFact{}); return nil },
		Project:   func(*pyanalysis.ProjectPass) error { quietRuns.Add(1); return nil },
	}
	quietRuns atomic.Int32
)

type quietFact struct{}

func (quietFact) PyFact() {}

func (callFacts) PyFact() {}

type callFacts struct {
	defs  []string
	calls []call
}

type call struct {
	name string
	at   lint.Range
	fix  *lint.Fix
}

// TestFixRoundsSeeProjectFindings: the rounds of a fix re-analyse one file
// in memory; a cross-file finding in it is reproduced with the file's new
// content (so a fix that waited a round is applied), a fixed one is gone,
// and the project phases of rules that reported nothing into the file do
// not run again.
func TestFixRoundsSeeProjectFindings(t *testing.T) {
	root := filetree.Temp(t, map[string]string{
		// The fixes rename calls to local_ functions, which a.py defines:
		// the engine rejects a fix that uses a name nothing binds.
		"svc/a.py":   "from lib import f, g\n\n\ndef local_f():\n    return 2\n\n\ndef local_g(x):\n    return x\n\n\ndef h():\n    return g(f())\n",
		"svc/lib.py": "def f():\n    return 1\n\n\ndef g(x):\n    return x\n",
		"svc/c.py":   "def k():\n    return len([])\n",
	})
	res, err := driver.Run(context.Background(), driver.Options{
		Paths:     []string{root},
		Registry:  &config.Registry{Rules: []*lint.Rule{lint.SyntaxError, crossCallRule, quietRule}},
		Producers: []driver.Producer{&pyproducer.Producer{Analyzers: []*pyanalysis.Analyzer{crossCall, quiet}}},
		Jobs:      2,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatal(res.Errors)
	}
	var a, c *lint.FileResult
	for _, f := range res.Files {
		switch {
		case strings.HasSuffix(f.Path, "/svc/a.py"):
			a = f
		case strings.HasSuffix(f.Path, "/svc/c.py"):
			c = f
		}
	}
	if a == nil || c == nil || len(a.Diagnostics) != 2 {
		t.Fatalf("check: a.py %+v, c.py %+v", a, c)
	}
	crossCallRuns.Store(0)
	quietRuns.Store(0)

	// The same content gives the same findings, fixes included.
	again, err := res.Reanalyze(a.Path, a.Src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := messages(again.Diagnostics), messages(a.Diagnostics); got != want || again.Diagnostics[0].Fix == nil {
		t.Errorf("re-analysed a.py: %s, want %s", got, want)
	}

	analyze := func(src []byte) (fix.Analysis, error) {
		r, err := res.Reanalyze(a.Path, src)
		if err != nil {
			return fix.Analysis{}, err
		}
		return fix.FromResult(r), nil
	}
	initial := fix.FromResult(a)
	out, rep, err := fix.FixFile(a.Path, a.Src, analyze, fix.Options{Initial: &initial})
	if err != nil {
		t.Fatal(err)
	}
	if want := "    return local_g(local_f())\n"; !strings.HasSuffix(string(out), want) || rep.Fixed(crossCallRule) != 2 || len(rep.Left) != 0 {
		t.Errorf("fixed a.py:\n%s\nreport %+v", out, rep)
	}
	if rep.Rounds != 2 {
		t.Errorf("%d rounds, want 2 (the inner call's fix waits for the outer one)", rep.Rounds)
	}

	// c.py has no cross-file finding: re-analysing it runs no project phase.
	before := crossCallRuns.Load()
	if _, err := res.Reanalyze(c.Path, []byte("def k():\n    return f()\n")); err != nil {
		t.Fatal(err)
	}
	if n := crossCallRuns.Load() - before; n != 0 {
		t.Errorf("re-analysing c.py ran cross-call's project phase %d times", n)
	}
	if n := quietRuns.Load(); n != 0 {
		t.Errorf("quiet's project phase ran %d times in fix rounds; it reported into no file", n)
	}
}

func messages(ds []lint.Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		fmt.Fprintf(&b, "%s@%d;", d.Message, d.Range.Start.Offset)
	}
	return b.String()
}
