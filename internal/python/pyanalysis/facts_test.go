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

// sharedModelFact is a fact two analyzers export, the same value (as
// roles.Collect's is), beside one of their own.
type sharedModelFact struct{ Names []string }

func (*sharedModelFact) PyFact() {}

type ownFact struct{ Q string }

func (*ownFact) PyFact() {}

var sharedKey = new(int)

func exportsShared(code string) *Analyzer {
	return &Analyzer{
		Rule:      &lint.Rule{Code: code, Name: "shares-" + code},
		FactTypes: []Fact{(*sharedModelFact)(nil), (*ownFact)(nil)},
		Run: func(p *Pass) error {
			p.ExportFact(&ownFact{Q: p.Analyzer.Rule.Code})
			p.ExportFact(p.Once(sharedKey, func() any { return &sharedModelFact{Names: []string{p.Path}} }).(*sharedModelFact))
			return nil
		},
	}
}

// TestSharedFactsStayOne: a fact two analyzers export (one value, from
// Pass.Once) is one value among the file's facts, is encoded once, and is
// one value again when decoded — while each analyzer's own facts stay its
// own.
func TestSharedFactsStayOne(t *testing.T) {
	a, b := exportsShared("XY904"), exportsShared("XY905")
	_, ff := Analyze("a.py", []byte("x = 1\n"), Config{Analyzers: []*Analyzer{a, b}})
	check := func(step string, ff *FileFacts) {
		t.Helper()
		fa, fb := ff.Facts[a], ff.Facts[b]
		if len(fa) != 2 || len(fb) != 2 {
			t.Fatalf("%s: facts %+v", step, ff.Facts)
		}
		if fa[1] != fb[1] || fa[1].(*sharedModelFact).Names[0] != "a.py" {
			t.Errorf("%s: the shared fact is two values: %p, %p", step, fa[1], fb[1])
		}
		if fa[0].(*ownFact).Q != "XY904" || fb[0].(*ownFact).Q != "XY905" {
			t.Errorf("%s: own facts %+v, %+v", step, fa[0], fb[0])
		}
	}
	check("analysed", ff)
	e := ff.Encodable()
	if len(e.Shared) != 1 {
		t.Errorf("encodable: %d shared facts, want 1", len(e.Shared))
	}
	data, err := EncodeFacts(ff)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "a.py"); n != 2 { // the path, and the shared fact once
		t.Errorf("encoded: a.py %d times, want 2 (the file's path, the shared fact)", n)
	}
	back, err := DecodeFacts(data, []*Analyzer{a, b})
	if err != nil {
		t.Fatal(err)
	}
	check("decoded", back)
	only, err := DecodeFacts(data, []*Analyzer{b})
	if err != nil || len(only.Facts[b]) != 2 || only.Facts[b][1].(*sharedModelFact).Names[0] != "a.py" {
		t.Errorf("decoded for one analyzer: %+v, %v", only, err)
	}
}
