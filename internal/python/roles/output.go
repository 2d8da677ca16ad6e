package roles

import (
	"bytes"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// OutputMarkers are what a test file that reads what a function prints
// contains (pytest's capsys/capfd `.readouterr()`, contextlib's
// `redirect_stdout`/`redirect_stderr`): a rule that reads OutputReads from
// the test files its options exclude prefilters them with these
// (pyanalysis.Def.ExcludedPrefilter).
var OutputMarkers = []string{"readouterr", "redirect_stdout", "redirect_stderr"}

// captureFixtures are pytest's fixtures that capture what the code under
// test prints.
var captureFixtures = map[string]bool{"capsys": true, "capfd": true, "capsysbinary": true, "capfdbinary": true}

// outputKey is the key under which OutputReads shares its result between
// the analyzers of one file.
var outputKey = new(int)

// OutputReads returns the role model's part of a test file: the project's
// functions whose printed output a test reads — called in a test that reads
// a capture fixture (`capsys.readouterr()`) or in the body of `with
// redirect_stdout(...)` — registered as entry points of the program's
// output (Command: their prints are what the program is for, as a
// command-line program's are). Nothing else of a test is taken: a test's
// own routes or dependency overrides make no service. It is nil when no
// test reads output.
func OutputReads(pass *pyanalysis.Pass) *File {
	f, _ := pass.Once(outputKey, func() any { return outputReads(pass) }).(*File)
	return f
}

func outputReads(pass *pyanalysis.Pass) *File {
	c := &collector{pass: pass, r: pass.Names, keys: map[int]string{}, funcs: map[string]*Func{}}
	calls := pass.Nodes(syntax.KindCall)
	// The tests that read a capture fixture, and the with statements that
	// redirect stdout or stderr.
	readers := map[int]string{} // function definition index → fixture
	redirects := map[int]bool{} // with statement index
	// A name resolves to contextlib.redirect_stdout only where the file
	// spells it (its last part is the text of an import or an attribute):
	// most test files, which read capsys, need not resolve every call.
	redirectText := bytes.Contains(pass.Src, []byte("redirect_std"))
	for _, call := range calls {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) && fn.ChildByField(syntax.FieldAttribute).TextIs("readouterr") {
			obj := fn.ChildByField(syntax.FieldObject).Unparen()
			if obj.Is(syntax.KindIdentifier) && captureFixtures[string(obj.Text())] {
				if b := c.r.Lookup(obj); b != nil && b.Kind == names.Parameter {
					if def := OwnerDef(call); !def.IsZero() {
						readers[def.Index()] = string(obj.Text())
					}
				}
			}
			continue
		}
		if redirectText && c.r.Refers(fn, "contextlib.redirect_stdout", "contextlib.redirect_stderr") {
			if item := call.Parent(); item.Is(syntax.KindWithItem) {
				for p := item.Parent(); !p.IsZero(); p = p.Parent() {
					if p.Is(syntax.KindWithStatement) {
						redirects[p.Index()] = true
						break
					}
				}
			}
		}
	}
	if len(readers) == 0 && len(redirects) == 0 {
		return nil
	}
	var out File
	seen := map[string]bool{}
	for _, call := range calls {
		how, test := readBy(call, readers, redirects)
		if how == "" {
			continue
		}
		ref := c.ref(call.ChildByField(syntax.FieldFunction).Unparen(), "")
		// The test's own helpers are not in the model (only this part of
		// a test file is): what they call is not followed.
		if ref.Kind != project.Imported || seen[ref.Name] {
			continue
		}
		seen[ref.Name] = true
		desc := "function whose printed output a test reads (" + how + "):"
		if test != "" {
			desc = "function whose printed output test `" + test + "` reads (" + how + "):"
		}
		out.Entries = append(out.Entries, Registered{Ref: ref, Entry: Entry{Kind: Command, Desc: desc}})
	}
	if len(out.Entries) == 0 {
		return nil
	}
	return &out
}

// readBy says how the output of call is read — the capture fixture of a
// test it is made in, or "redirect_stdout" — and the test's key, or "" when
// it is not read.
func readBy(call syntax.Node, readers map[int]string, redirects map[int]bool) (how, test string) {
	for d := OwnerDef(call); !d.IsZero(); d = OwnerDef(d) {
		if fx, ok := readers[d.Index()]; ok {
			return fx, Key(d)
		}
	}
	child := call
	for p := call.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Is(syntax.KindWithStatement) && child.Field() == syntax.FieldBody && redirects[p.Index()] {
			if d := OwnerDef(call); !d.IsZero() {
				test = Key(d)
			}
			return "redirect_stdout", test
		}
	}
	return "", ""
}
