package pyanalysis

import (
	"bytes"
	"encoding/gob"
	"runtime"
	"strings"
	"testing"
	"weak"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
)

type pathFact struct{ Q string }

func (pathFact) PyFact() {}

type otherFact struct{}

func (otherFact) PyFact() {}

var factRule = &lint.Rule{Code: "XY906", Name: "facts"}

var exporting = &Analyzer{
	Rule:      factRule,
	Kinds:     []syntax.Kind{syntax.KindCall},
	FactTypes: []Fact{pathFact{}},
	Run: func(p *Pass) error {
		p.ExportFact(pathFact{Q: p.Path})
		if strings.HasPrefix(p.Path, "bad") {
			p.ExportFact(otherFact{})
		}
		return nil
	},
}

// TestExportFactOfUndeclaredType: a fact whose type the analyzer did not
// declare is a bug in the rule, which fails the file as a panic does.
func TestExportFactOfUndeclaredType(t *testing.T) {
	res, _ := Analyze("bad.py", []byte("f()\n"), Config{Analyzers: []*Analyzer{exporting}})
	if res.Err == nil || !strings.Contains(res.Err.Error(), "FactTypes do not declare") {
		t.Errorf("err = %v", res.Err)
	}
}

// TestDecodeFacts: the facts come back for the analyzers given, others'
// are dropped, and another version of the encoding is refused.
func TestDecodeFacts(t *testing.T) {
	_, ff := Analyze("a.py", []byte("f()\n"), Config{Analyzers: []*Analyzer{exporting}, Module: "a"})
	b, err := EncodeFacts(ff)
	if err != nil {
		t.Fatal(err)
	}
	back, err := DecodeFacts(b, []*Analyzer{exporting})
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Facts[exporting]; back.Path != "a.py" || back.Module != "a" || len(got) != 1 || got[0] != (pathFact{Q: "a.py"}) {
		t.Errorf("decoded %+v", back)
	}
	if none, err := DecodeFacts(b, nil); err != nil || len(none.Facts) != 0 {
		t.Errorf("without the analyzer: %+v, %v", none, err)
	}
	var old bytes.Buffer
	if err := gob.NewEncoder(&old).Encode(EncodedFacts{Version: FactsVersion + 1, Path: "a.py"}); err != nil {
		t.Fatal(err)
	}
	if _, err := DecodeFacts(old.Bytes(), []*Analyzer{exporting}); err == nil || !strings.Contains(err.Error(), "version") {
		t.Errorf("another version: %v", err)
	}
	if _, err := DecodeFacts(b[:len(b)/2], []*Analyzer{exporting}); err == nil {
		t.Error("truncated facts decoded")
	}
}

// walkerState is a rule's file-pass state that holds the pass (and so the
// file's syntax tree), with the fact it exports as a field.
type walkerState struct {
	pass *Pass
	fact fieldFact
}

type fieldFact struct{ Q string }

func (*fieldFact) PyFact() {}

var (
	fileOfLastPass weak.Pointer[syntax.File]
	exportsField   = &Analyzer{
		Rule:      &lint.Rule{Code: "XY907", Name: "exports-a-field"},
		FactTypes: []Fact{(*fieldFact)(nil)},
		Run: func(p *Pass) error {
			w := &walkerState{pass: p, fact: fieldFact{Q: p.Path}}
			fileOfLastPass = weak.Make(p.File)
			p.ExportFact(&w.fact)
			return nil
		},
	}
)

// TestFactsDoNotKeepTheTreeAlive: a rule that exports a pointer to a field
// of its pass's state gets the fact copied, so that the facts, kept for the
// project phase, do not keep the file's pass, tree and source alive.
func TestFactsDoNotKeepTheTreeAlive(t *testing.T) {
	_, ff := Analyze("a.py", []byte("x = 1\n"), Config{Analyzers: []*Analyzer{exportsField}})
	if ff == nil || len(ff.Facts[exportsField]) != 1 || *ff.Facts[exportsField][0].(*fieldFact) != (fieldFact{Q: "a.py"}) {
		t.Fatalf("facts %+v", ff)
	}
	runtime.GC()
	runtime.GC()
	if fileOfLastPass.Value() != nil {
		t.Error("the file's syntax tree is still alive: the fact points into the pass's state")
	}
	runtime.KeepAlive(ff)
}
