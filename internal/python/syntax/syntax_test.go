package syntax

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func parse(t *testing.T, src string) *File {
	t.Helper()
	f, err := Parse("x.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestTreeShape(t *testing.T) {
	f := parse(t, "try:\n    pass\nexcept (ValueError, Exception) as e:\n    raise X from e\n")
	want := "(module (try_statement (block (pass_statement)) (except_clause (as_pattern (tuple (identifier) (identifier)) (as_pattern_target (identifier))) (block (raise_statement (identifier) (identifier))))))"
	if got := f.Root.Sexp(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Navigation agrees with the pre-order layout.
	var raise Node
	for n := range f.Tree.All() {
		if n.Is(KindRaiseStatement) {
			raise = n
		}
	}
	if c := raise.ChildByField(FieldCause); !c.TextIs("e") {
		t.Errorf("cause = %v", c)
	}
	if p := raise.Parent().Parent(); !p.Is(KindExceptClause) {
		t.Errorf("grandparent = %v", p)
	}
	if !f.Root.Contains(raise) || raise.Contains(f.Root) {
		t.Error("Contains is wrong")
	}
}

func TestComments(t *testing.T) {
	f := parse(t, "s = '# noqa: not a comment'  # noqa: XY005\n# own line\nx = \"\"\"\n# in a docstring\n\"\"\"\n")
	if len(f.Comments) != 2 {
		t.Fatalf("comments = %+v", f.Comments)
	}
	if c := f.Comments[0]; c.Line != 1 || c.Text != "# noqa: XY005" || c.Own {
		t.Errorf("first comment = %+v", c)
	}
	if c := f.Comments[1]; c.Line != 2 || c.Text != "# own line" || !c.Own {
		t.Errorf("second comment = %+v", c)
	}
}

func TestBOMOffsets(t *testing.T) {
	src := "\xEF\xBB\xBFprint('x')\n"
	f := parse(t, src)
	if len(f.Errors) != 0 {
		t.Fatalf("errors: %v", f.Errors)
	}
	var call Node
	for n := range f.Tree.All() {
		if n.Is(KindCall) {
			call = n
		}
	}
	if call.Start() != 3 || string(call.Text()) != "print('x')" {
		t.Errorf("call at %d: %q", call.Start(), call.Text())
	}
}

func TestErrors(t *testing.T) {
	f := parse(t, "def f(:\n    pass\nx = (1,\n")
	if len(f.Errors) == 0 {
		t.Fatal("no error regions")
	}
	if msg := f.ErrorMessage(f.Errors[0]); !strings.HasPrefix(msg, "syntax error") {
		t.Errorf("message %q", msg)
	}
	if clean := parse(t, "match x:\n    case [a, *b]:\n        pass\nif (n := 1): pass\n"); len(clean.Errors) != 0 {
		t.Errorf("match/walrus gave errors: %v", clean.Errors)
	}
}

func TestSkipReason(t *testing.T) {
	for _, c := range []struct {
		path, src, want string
	}{
		{"a.py", "x = 1\n", ""},
		{"a.py", "x = 1\x00\n", SkipBinary},
		{"a.py", "x = '\xff'\n", SkipNotUTF8},
		{"{{cookiecutter.slug}}/main.py", "x = 1\n", ""}, // the content decides (LooksLikeTemplate)
		{"a.py", "x = 1\r\ny = 2\r\n", ""},
		// Python: a comment, then def A() with its body; tree-sitter: a
		// comment to the LF, then print() at module level.
		{"a.py", "# c\rdef A():\n  print()\n", SkipLoneCR},
		{"a.py", "x = 1\r\ny = 2\r", SkipLoneCR},
	} {
		if got := SkipReason(c.path, []byte(c.src)); got != c.want {
			t.Errorf("SkipReason(%q, %q) = %q, want %q", c.path, c.src, got, c.want)
		}
	}
}

func TestLooksLikeTemplate(t *testing.T) {
	for src, want := range map[string]bool{
		"{% if x %}\nimport os\n{% endif %}\n": true,
		"app = {{ cookiecutter.app }}\n":       true,
		"s = '{{ not a template }}'\n":         false, // valid Python
		"s = f'{{literal}}'\nbroken(\n":        false, // broken, but the braces are in a string
		"x = 1\n# {% a comment %}\nbroken(:\n": false,
	} {
		if got := parse(t, src).LooksLikeTemplate(); got != want {
			t.Errorf("LooksLikeTemplate(%q) = %v, want %v", src, got, want)
		}
	}
	// Under a template directory, the content decides: valid Python is
	// what the generated project runs; code that does not parse is the
	// template's (a {{ }} in a place Python does not allow it).
	for _, c := range []struct {
		path, src string
		want      bool
	}{
		{"{{cookiecutter.project_slug}}/app/main.py", "from fastapi import FastAPI\n\napp = FastAPI(title=\"{{ cookiecutter.project_name }}\")\n", false},
		{"{{cookiecutter.project_slug}}/app/main.py", "import {{ cookiecutter.package }}.settings\n", true},
		{"{% if cookiecutter.use_db %}db.py{% endif %}", "broken(\n", true},
		{"svc/main.py", "broken(\n", false}, // a syntax error, not a template
	} {
		f, err := Parse(c.path, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := f.LooksLikeTemplate(); got != c.want {
			t.Errorf("LooksLikeTemplate(%q, %q) = %v, want %v", c.path, c.src, got, c.want)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 5000
	// 5,000 nested parentheses parse into a 5,000-deep tree.
	start := time.Now()
	f := parse(t, "x = "+strings.Repeat("(", depth)+"1"+strings.Repeat(")", depth)+"\n")
	var one Node
	for n := range f.Tree.All() {
		if n.Is(KindInteger) {
			one = n
		}
	}
	steps := 0
	for n := one; !n.IsZero(); n = n.Parent() {
		steps++
	}
	if steps < depth {
		t.Errorf("depth %d, want ≥ %d", steps, depth)
	}
	if s := f.Root.Sexp(); strings.Count(s, "(parenthesized_expression") != depth {
		t.Errorf("Sexp lost nodes")
	}
	// 5,000 nested blocks: tree-sitter-python's indentation scanner gives up
	// past a few hundred levels (an error region), quickly and safely.
	var b strings.Builder
	for i := range depth {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", depth) + "pass\n")
	f = parse(t, b.String())
	if len(f.Errors) == 0 {
		t.Log("deep blocks parsed cleanly")
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}

// largeFile is a clean file of about n bytes.
func largeFile(n int) []byte {
	chunk := "def handler(request):\n    try:\n        value = compute(request.args['x'], 42)\n    except Exception as e:\n        print('failed', e)\n    return value\n\n"
	return bytes.Repeat([]byte(chunk), n/len(chunk)+1)
}

// A clean file at the default --max-file-size parses without errors (and
// without the parser's pathological-input timeout). How long it takes is
// BenchmarkParseLargeFile's business: a timed test fails on a loaded machine.
func TestLargeFile(t *testing.T) {
	src := largeFile(2 << 20)
	f, err := Parse("big.py", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) != 0 {
		t.Errorf("errors in a clean file: %v", f.Errors[0])
	}
	if n := f.Tree.Len(); n < len(src)/20 {
		t.Errorf("%d nodes for %d bytes: the tree is incomplete", n, len(src))
	}
}

func BenchmarkParseLargeFile(b *testing.B) {
	src := largeFile(10 << 20)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse("big.py", src); err != nil {
			b.Fatal(err)
		}
	}
}

func TestConcurrentParse(t *testing.T) {
	done := make(chan string)
	for i := range 4 {
		go func() {
			f, err := Parse("x.py", []byte(strings.Repeat("print(1)\n", 1000+i)))
			if err != nil {
				done <- err.Error()
				return
			}
			if f.Tree.Len() == 0 || len(f.Errors) != 0 {
				done <- "bad tree"
				return
			}
			done <- ""
		}()
	}
	for range 4 {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}
