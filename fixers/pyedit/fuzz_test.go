package pyedit_test

import (
	"bytes"
	"testing"

	broadexcept "github.com/xynergy/xylint/analyzers/broadexcept/python"
	printcall "github.com/xynergy/xylint/analyzers/printcall/python"
	"github.com/xynergy/xylint/fixers"
	"github.com/xynergy/xylint/fixers/pyedit"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
)

// FuzzFix runs the engine with every Python fix over arbitrary input: it
// never panics, a result never has syntax errors the input did not have,
// fixes converge, and fixing the result again changes nothing. The seed
// corpus (testdata/fuzz/FuzzFix) holds the rules' test files and the
// shapes that found bugs.
//
// A fix may fail on input that tree-sitter accepts but Python does not
// (877e0e878866d47f: `import A A% ` followed by `print()` parses as
// `import A` and `A % print()`, and an import inserted between them breaks
// the parse): the engine then keeps the input, which is what is checked
// here. On valid Python a failed fix is a bug, and the golden tests
// (pyanalysistest.RunWithFixes) fail on it.
func FuzzFix(f *testing.F) {
	f.Add([]byte("print('x')\n"))
	f.Add([]byte("import os\r\n\r\ndef f():\r\n\ttry:\r\n\t\tint(os.sep)\r\n\texcept Exception:\r\n\t\tpass\r\n"))
	f.Add([]byte("\xef\xbb\xbfprint(1, 2, sep='')\n"))
	cfg := pyanalysis.Config{Analyzers: []*pyanalysis.Analyzer{printcall.Analyzer, broadexcept.Analyzer}}
	analyze := func(src []byte) (fixers.Analysis, error) {
		res := pyanalysis.AnalyzeFile("fuzz.py", src, cfg)
		return fixers.FromResult(res), res.Err
	}
	opts := fixers.Options{Unsafe: true, SyntaxErrors: pyedit.SyntaxErrors}
	f.Fuzz(func(t *testing.T, src []byte) {
		out, rep, err := fixers.FixFile("fuzz.py", src, analyze, opts)
		if err != nil {
			return // the input cannot be analysed (binary, a rule error): nothing is fixed
		}
		if bytes.Equal(out, src) {
			return
		}
		if pyedit.SyntaxErrors(out) > 0 {
			t.Fatalf("the result has syntax errors:\n%s", out)
		}
		if !rep.Converged {
			t.Fatalf("fixes did not converge on:\n%q", src)
		}
		again, _, err := fixers.FixFile("fuzz.py", out, analyze, opts)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("not idempotent (err %v):\n%s", err, fixers.Diff("fuzz.py", out, again))
		}
	})
}
