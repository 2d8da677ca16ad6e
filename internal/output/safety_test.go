package output

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// one renders a result of one file with one print-call finding at
// [start, end) of src.
func one(t *testing.T, path, src string, start, end int, opts Options) string {
	t.Helper()
	lines := lint.NewLines([]byte(src))
	res := &driver.Result{
		Registry: &config.Registry{Rules: registry},
		Files:    []*lint.FileResult{{Path: path, Language: lint.Python, Src: []byte(src)}},
		Diagnostics: []lint.Diagnostic{{Rule: printCall, Language: lint.Python, Path: path, Range: lines.Range(start, end),
			Message: "`print` call: " + src[start:end]}},
	}
	var b bytes.Buffer
	if err := Write(&b, res, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextEscapesPathsMessagesAndExcerpts(t *testing.T) {
	src := "x = 1\n\tprint('\x1b[2J\u202e')\n"
	start := strings.Index(src, "print")
	got := one(t, "a\n::error::b.py", src, start, len(src)-1, Options{Format: "text", Excerpts: true})
	want := `a\n::error::b.py:2:2: warning: XY005 [print-call] ` + "`print` call: print('\\x1b[2J\\u202e')\n" +
		" 2 | \tprint('\\x1b[2J\\u202e')\n" +
		"   | \t^^^^^^^^^^^^^^^^^^^^^^\n"
	if !strings.HasPrefix(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTextExcerptOfALongLineIsAWindow(t *testing.T) {
	src := "x = ['" + strings.Repeat("a", 5000) + "', print(1), '" + strings.Repeat("b", 1<<20) + "']\n"
	start := strings.Index(src, "print")
	got := one(t, "gen.py", src, start, start+len("print(1)"), Options{Format: "text", Excerpts: true})
	lines := strings.Split(got, "\n")
	excerpt, under := lines[1], lines[2]
	if len(got) > 2000 {
		t.Errorf("%d bytes of output for one finding", len(got))
	}
	if !strings.HasPrefix(excerpt, " 1 | …") || !strings.HasSuffix(excerpt, "…") || !strings.Contains(excerpt, "', print(1), '") {
		t.Errorf("excerpt %q", excerpt)
	}
	// The carets are under print(1).
	col := strings.Index(excerpt, "print(1)")
	if strings.Index(under, "^") != col-len("…")+1 || strings.Count(under, "^") != len("print(1)") {
		t.Errorf("underline misaligned:\n%s\n%s", excerpt, under)
	}
	// A finding at the start of a long line: no cut on the left.
	got = one(t, "gen.py", "print(1); x = '"+strings.Repeat("a", 10000)+"'\n", 0, 8, Options{Format: "text", Excerpts: true})
	if l := strings.Split(got, "\n")[1]; !strings.HasPrefix(l, " 1 | print(1)") || !strings.HasSuffix(l, "…") {
		t.Errorf("excerpt %q", l)
	}
}

func TestSARIFRelativeURIsCannotBeReadAsSchemes(t *testing.T) {
	for in, want := range map[string]string{
		"colon::x.py":     "./colon::x.py",
		"./c:/x.py":       "./c:/x.py",
		"svc/colon::x.py": "svc/colon::x.py",
		"svc a/100%.py":   "svc%20a/100%25.py",
		"main.py":         "main.py",
	} {
		if got := artifact(in).URI; got != want {
			t.Errorf("artifact(%q) = %q, want %q", in, got, want)
		}
		u, err := url.Parse(artifact(in).URI)
		if err != nil || u.Scheme != "" || u.IsAbs() {
			t.Errorf("%q parses as %+v, %v: not a relative reference", in, u, err)
		}
	}
}
