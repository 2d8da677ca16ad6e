package pyanalysis_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/ruleopts"
)

var callRule = &lint.Rule{Code: "XY901", Name: "call", Severity: lint.Note}

// calls reports every call whose function is a name, with its qualified
// name, and exports the calls' names as facts.
// callFact is a call's qualified name.
type callFact string

func (callFact) PyFact() {}

var calls = &pyanalysis.Analyzer{
	Rule:      callRule,
	Kinds:     []syntax.Kind{syntax.KindCall},
	Prefilter: &pyanalysis.Prefilter{Any: []string{"("}},
	FactTypes: []pyanalysis.Fact{callFact("")},
	Run: func(p *pyanalysis.Pass) error {
		for _, c := range p.Nodes(syntax.KindCall) {
			q, _ := p.Names.QualifiedName(c.ChildByField(syntax.FieldFunction))
			p.Reportf(c, "call %s", q)
			p.ExportFact(callFact(q))
		}
		return nil
	},
	Project: func(p *pyanalysis.ProjectPass) error {
		n := 0
		for _, f := range p.Files {
			n += len(p.Facts(f))
		}
		last := p.Files[len(p.Files)-1]
		p.Reportf(last.Path, lint.Range{}, "%d calls in %d files", n, len(p.Files))
		return nil
	},
}

func analyze(path, src string, as ...*pyanalysis.Analyzer) *lint.FileResult {
	return pyanalysis.AnalyzeFile(path, []byte(src), pyanalysis.Config{Analyzers: as})
}

func TestDiagnostics(t *testing.T) {
	r := analyze("a.py", "import os\nos.getcwd()\n", calls)
	if r.Err != nil || r.Skipped != "" || len(r.Diagnostics) != 1 {
		t.Fatalf("result = %+v", r)
	}
	d := r.Diagnostics[0]
	if d.Message != "call os.getcwd" || d.Rule != callRule || d.Severity != lint.Note || d.Path != "a.py" ||
		d.Range.Start.Line != 2 || d.Range.Start.Column != 1 || d.Range.End.Column != 12 {
		t.Errorf("diagnostic = %+v", d)
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		name, path, src, skipped string
	}{
		{"binary", "a.py", "x(1)\x00\x01", "binary file"},
		{"latin-1", "a.py", "# caf\xe9\nx(1)\n", "not UTF-8"},
		{"jinja", "a.py", "{% if async %}\nasync def f(): pass\n{% endif %}\nx(1)\n", "template"},
		{"cookiecutter code", "a.py", "app = {{ cookiecutter.app_name }}()\n", "template"},
		{"cookiecutter path, code that does not parse", "{{cookiecutter.slug}}/main.py", "import {{cookiecutter.pkg}}\nx(1)\n", "template"},
	} {
		r := analyze(c.path, c.src, calls)
		if r.Skipped != c.skipped || len(r.Diagnostics) != 0 || r.Err != nil {
			t.Errorf("%s: skipped %q, %d diagnostics, err %v; want skipped %q", c.name, r.Skipped, len(r.Diagnostics), r.Err, c.skipped)
		}
	}
	// Under a cookiecutter directory, valid Python is analysed: it is the
	// code the generated service runs.
	if r := analyze("{{cookiecutter.slug}}/main.py", "x(1)\n", calls); r.Skipped != "" || len(r.Diagnostics) != 1 {
		t.Errorf("cookiecutter path, valid Python: skipped %q, %d diagnostics; want it analysed", r.Skipped, len(r.Diagnostics))
	}
	// A BOM is accepted and offsets stay offsets into the original bytes.
	r := analyze("a.py", "\xEF\xBB\xBFx(1)\n", calls)
	if r.Skipped != "" || len(r.Diagnostics) != 1 || r.Diagnostics[0].Range.Start.Offset != 3 {
		t.Errorf("BOM: %+v", r)
	}
}

func TestSyntaxErrorOnePerFile(t *testing.T) {
	r := analyze("a.py", "f(1)\ndef broken(:\n    pass\n\ng(2)\nh = [1,\n", calls)
	var syn []lint.Diagnostic
	found := 0
	for _, d := range r.Diagnostics {
		if d.Rule == lint.SyntaxError {
			syn = append(syn, d)
		} else {
			found++
		}
	}
	if len(syn) != 1 || syn[0].Range.Start.Line != 2 || !strings.HasPrefix(syn[0].Message, "syntax error") ||
		!strings.Contains(syn[0].Message, "more error regions") || syn[0].Severity != lint.Error {
		t.Errorf("syntax errors = %+v", syn)
	}
	if found < 2 {
		t.Errorf("rules found %d calls around the errors, want both", found)
	}
}

func TestPanickingRule(t *testing.T) {
	bad := &pyanalysis.Analyzer{
		Rule: &lint.Rule{Code: "XY902", Name: "bad"},
		Run:  func(*pyanalysis.Pass) error { var m map[string]int; m["x"] = 1; return nil },
	}
	failing := &pyanalysis.Analyzer{
		Rule: &lint.Rule{Code: "XY903", Name: "failing"},
		Run:  func(*pyanalysis.Pass) error { return errors.New("boom") },
	}
	r := analyze("a.py", "x(1)\n", bad, calls, failing)
	if r.Err == nil || !strings.Contains(r.Err.Error(), "XY902 [bad] panicked") || !strings.Contains(r.Err.Error(), "boom") {
		t.Errorf("err = %v", r.Err)
	}
	if len(r.Diagnostics) != 1 {
		t.Errorf("the healthy rule's findings are lost: %+v", r.Diagnostics)
	}
}

func TestUndeclaredKindPanicsIntoErr(t *testing.T) {
	sloppy := &pyanalysis.Analyzer{
		Rule: &lint.Rule{Code: "XY904", Name: "sloppy"},
		Run:  func(p *pyanalysis.Pass) error { p.Nodes(syntax.KindCall); return nil },
	}
	if r := analyze("a.py", "x(1)\n", sloppy); r.Err == nil || !strings.Contains(r.Err.Error(), "does not declare") {
		t.Errorf("err = %v", r.Err)
	}
}

// pathOptions are options naming a path the rule excludes.
type pathOptions struct{ Exclude string }

var pathSpec = ruleopts.NewSpec(func() *pathOptions { return &pathOptions{} },
	func(o *pathOptions) (*pathOptions, error) { return o, nil })

// excluding reports calls where its options do not exclude the file.
var excluding = pyanalysis.New(&lint.Rule{Code: "XY905", Name: "excluding", Options: pathSpec}, pathSpec, pyanalysis.Def[*pathOptions]{
	Kinds:    []syntax.Kind{syntax.KindCall},
	Excludes: func(o *pathOptions, path string) bool { return path == o.Exclude },
	Run: func(p *pyanalysis.Pass, o *pathOptions) error {
		for _, c := range p.Nodes(syntax.KindCall) {
			p.Reportf(c, "call with exclude %q", o.Exclude)
		}
		return nil
	},
})

func TestNotParsedWhenNoAnalyzerApplies(t *testing.T) {
	// The prefilter misses: the file is not parsed, so not even its syntax
	// error is reported.
	if r := analyze("a.py", "def broken:\n", calls); len(r.Diagnostics) != 0 || r.Comments != nil {
		t.Errorf("prefiltered file was analysed: %+v", r)
	}
	// Options that exclude the path; the analyzer reads them typed.
	opts, err := pathSpec.Compile(&pathOptions{Exclude: "a.py"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{excluding}, Options: func(*lint.Rule) any { return opts }}
	if r := pyanalysis.AnalyzeFile("a.py", []byte("x(1)\n"), cfg); len(r.Diagnostics) != 0 || r.Comments != nil {
		t.Errorf("excluded file was analysed: %+v", r.Diagnostics)
	}
	if r := pyanalysis.AnalyzeFile("b.py", []byte("x(1)\n"), cfg); len(r.Diagnostics) != 1 || r.Diagnostics[0].Message != `call with exclude "a.py"` {
		t.Errorf("b.py: %+v, want one finding with the options", r.Diagnostics)
	}
	// Without options, the defaults.
	if r := pyanalysis.AnalyzeFile("a.py", []byte("x(1)\n"), pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{excluding}}); len(r.Diagnostics) != 1 || r.Diagnostics[0].Message != `call with exclude ""` {
		t.Errorf("defaults: %+v", r.Diagnostics)
	}
}

func TestProjectPhase(t *testing.T) {
	mods := modules.New([]string{"app/__init__.py", "app/a.py", "app/b.py", "app/c.py"})
	var facts []*pyanalysis.FileFacts
	for _, f := range []struct{ path, src string }{
		{"app/a.py", "from . import b\nb.f()\n"},
		{"app/b.py", "def f(): pass\nprint(1)\nlen([])\n"},
		{"app/c.py", "x = 1\n"}, // no facts
	} {
		res, ff := pyanalysis.Analyze(f.path, []byte(f.src), pyanalysis.Config{
			Analyzers: []*pyanalysis.Analyzer{calls},
			Module:    mods.Module(f.path),
		})
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		facts = append(facts, ff)
	}
	if got := facts[0].Facts[calls]; len(got) != 1 || got[0] != callFact("app.b.f") {
		t.Errorf("facts of a.py = %v (module %q)", got, facts[0].Module)
	}
	ds, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{calls}, Modules: mods})
	if err != nil || len(ds) != 1 || ds[0].Message != "3 calls in 2 files" || ds[0].Path != "app/b.py" || ds[0].Rule != callRule {
		t.Errorf("project diagnostics = %+v, %v", ds, err)
	}
	// Asked for one file's findings, RunProject drops the others', also
	// from an analyzer that does not ask ProjectPass.Wants.
	for only, want := range map[string]int{"app/a.py": 0, "app/b.py": 1} {
		ds, err := pyanalysis.RunProject(facts, pyanalysis.ProjectConfig{Analyzers: []*pyanalysis.Analyzer{calls}, Modules: mods, Only: only})
		if err != nil || len(ds) != want {
			t.Errorf("Only %s: project diagnostics = %+v, %v", only, ds, err)
		}
	}
}

// observing reports calls, and in the files its options exclude still runs
// where "observe" is in the file, for its facts only.
var observing = pyanalysis.New(&lint.Rule{Code: "XY906", Name: "observing", Options: pathSpec}, pathSpec, pyanalysis.Def[*pathOptions]{
	Kinds:             []syntax.Kind{syntax.KindCall},
	Prefilter:         &pyanalysis.Prefilter{Any: []string{"x("}},
	Excludes:          func(o *pathOptions, path string) bool { return path == o.Exclude },
	ExcludedPrefilter: &pyanalysis.Prefilter{Any: []string{"observe"}},
	FactTypes:         []pyanalysis.Fact{callFact("")},
	Run: func(p *pyanalysis.Pass, o *pathOptions) error {
		for _, c := range p.Nodes(syntax.KindCall) {
			p.Reportf(c, "call")
		}
		if p.Excluded {
			p.ExportFact(callFact("excluded " + p.Path))
		}
		return nil
	},
})

func TestExcludedPrefilter(t *testing.T) {
	opts, err := pathSpec.Compile(&pathOptions{Exclude: "test_a.py"})
	if err != nil {
		t.Fatal(err)
	}
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{observing}, Options: func(*lint.Rule) any { return opts }}
	// Excluded, and the excluded prefilter misses: not run ("x(" alone
	// passes the rule's own prefilter, which does not apply here).
	if r, ff := pyanalysis.Analyze("test_a.py", []byte("x(1)\n"), cfg); len(r.Diagnostics) != 0 || ff != nil || r.Comments != nil {
		t.Errorf("excluded file without the marker was analysed: %+v, facts %v", r.Diagnostics, ff)
	}
	// Excluded, the marker is there: run for its facts, its findings dropped.
	r, ff := pyanalysis.Analyze("test_a.py", []byte("observe(1)\nx(2)\n"), cfg)
	if len(r.Diagnostics) != 0 {
		t.Errorf("an excluded file's findings were kept: %+v", r.Diagnostics)
	}
	if ff == nil || len(ff.Facts[observing]) != 1 || ff.Facts[observing][0] != callFact("excluded test_a.py") {
		t.Errorf("facts of the excluded file = %+v, want the one it exported", ff)
	}
	// Not excluded: the rule's own prefilter and findings.
	if r, _ := pyanalysis.Analyze("a.py", []byte("x(1)\n"), cfg); len(r.Diagnostics) != 1 {
		t.Errorf("a.py: %+v, want one finding", r.Diagnostics)
	}
	if r, _ := pyanalysis.Analyze("a.py", []byte("observe(1)\n"), cfg); len(r.Diagnostics) != 0 {
		t.Errorf("a.py without x(: %+v, want it prefiltered out", r.Diagnostics)
	}
}

// The file pass counts the names unbound at run time only where the fix
// engine will verify a fix against them: a file with a fix, or every file
// when the engine asks (Config.Runtime). The imports are always there (the
// run's import environment reads them).
func TestRuntimeCountedWhereAFixIs(t *testing.T) {
	fixer := &pyanalysis.Analyzer{
		Rule:      callRule,
		Kinds:     []syntax.Kind{syntax.KindCall},
		Prefilter: &pyanalysis.Prefilter{Any: []string{"import"}},
		Run: func(p *pyanalysis.Pass) error {
			for _, c := range p.Nodes(syntax.KindCall) {
				d := p.Diagnostic(c, "fix")
				d.Fix = &lint.Fix{Message: "fix", Edits: []lint.Edit{{Start: c.Start(), End: c.Start(), New: "x"}}}
				p.Report(d)
			}
			return nil
		},
	}
	src := "import os\nfrom . import rel\nundefined_name\n"
	for _, c := range []struct {
		name, src   string
		runtime     bool
		importsOnly bool
	}{
		{"no fix", src, false, true},
		{"no fix, asked", src, true, false},
		{"a fix", src + "fixme()\n", false, false},
	} {
		r := pyanalysis.AnalyzeFile("pkg/a.py", []byte(c.src), pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{fixer}, Module: "pkg.a", Runtime: c.runtime})
		rt := r.Runtime
		if rt == nil || rt.ImportsOnly != c.importsOnly || strings.Join(rt.Imports, ",") != "os,pkg" {
			t.Errorf("%s: runtime %+v", c.name, rt)
			continue
		}
		if want := map[bool]int{true: 0, false: 1}[c.importsOnly]; rt.Unbound["undefined_name"] != want {
			t.Errorf("%s: unbound %v, want undefined_name %d times", c.name, rt.Unbound, want)
		}
	}
}

// The project's line length is looked up only when a pass asks for it (a
// fix laid out), and is the default when the lookup gives none.
func TestLineLengthAskedOnlyByAFix(t *testing.T) {
	var got []int
	asker := func(ask bool) *pyanalysis.Analyzer {
		return &pyanalysis.Analyzer{
			Rule: callRule, Kinds: []syntax.Kind{syntax.KindCall},
			Run: func(p *pyanalysis.Pass) error {
				if ask {
					got = append(got, p.LineLength())
				}
				return nil
			},
		}
	}
	for _, c := range []struct {
		name   string
		ask    bool
		length int
		calls  int
		want   []int
	}{
		{"not asked", false, 100, 0, nil},
		{"asked", true, 100, 1, []int{100}},
		{"asked, none configured", true, 0, 1, []int{88}},
	} {
		got = nil
		calls := 0
		cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{asker(c.ask)}, LineLength: func() int { calls++; return c.length }}
		pyanalysis.AnalyzeFile("a.py", []byte("f()\n"), cfg)
		if calls != c.calls || !slices.Equal(got, c.want) {
			t.Errorf("%s: %d lookups, lengths %v; want %d, %v", c.name, calls, got, c.calls, c.want)
		}
	}
	got = nil
	pyanalysis.AnalyzeFile("a.py", []byte("f()\n"), pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{asker(true)}})
	if !slices.Equal(got, []int{88}) {
		t.Errorf("no LineLength: %v, want the default", got)
	}
}
