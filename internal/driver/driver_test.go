package driver

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/testutil/filetree"
)

// fakeProducer reports every line containing "BAD" under its rule, and
// turns "# " comments into lint.Comments: enough to test the driver without
// a parser, and a model of how a second language plugs in.
type fakeProducer struct {
	ext   string
	rule  *lint.Rule
	lang  lint.Language
	calls int
}

func (p *fakeProducer) Extensions() []string { return []string{p.ext} }

func (p *fakeProducer) Analyze(ctx context.Context, files []Input, jobs int) ([]*lint.FileResult, error) {
	p.calls++
	var out []*lint.FileResult
	for _, in := range files {
		src, err := ReadSource(in.Abs)
		res := &lint.FileResult{Path: in.Path, Language: p.lang, Src: src, Err: err}
		if err != nil {
			out = append(out, res)
			continue
		}
		lines := lint.NewLines(src)
		for n := 1; n <= lines.Count(); n++ {
			text := string(lines.LineText(n))
			if i := strings.Index(text, "# "); i >= 0 {
				res.Comments = append(res.Comments, lint.Comment{Line: n, Text: text[i:], Own: i == 0})
			}
			// BAD at the rule's default level; NOTE and ERR at another.
			for _, w := range []struct {
				word, msg string
				sev       lint.Severity
			}{{"BAD", "bad thing", p.rule.Severity}, {"NOTE", "note", lint.Note}, {"ERR", "err", lint.Error}} {
				if i := strings.Index(text, w.word); i >= 0 && in.Config.Enabled(p.rule) {
					off := lines.LineStart(n) + i
					res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Rule: p.rule, Language: p.lang, Path: in.Path,
						Range: lines.Range(off, off+len(w.word)), Message: w.msg, Severity: w.sev})
				}
			}
		}
		out = append(out, res)
	}
	slices.Reverse(out) // producers may answer in any order
	return out, nil
}

var (
	pyRule = &lint.Rule{Code: "XY005", Name: "print-call", Aliases: []string{"T201"}}
	goRule = &lint.Rule{Code: "XY004", Name: "broad-except"}
)

func setup(t *testing.T, files map[string]string) {
	t.Helper()
	t.Chdir(filetree.Temp(t, files))
}

func check(t *testing.T, ov config.Overrides, paths ...string) (*Result, *fakeProducer, *fakeProducer) {
	t.Helper()
	py := &fakeProducer{ext: ".py", rule: pyRule, lang: lint.Python}
	gp := &fakeProducer{ext: ".go", rule: goRule, lang: lint.Go}
	res, err := Run(context.Background(), Options{
		Paths:     paths,
		Registry:  &config.Registry{Rules: []*lint.Rule{lint.SyntaxError, goRule, pyRule}},
		Overrides: ov,
		Producers: []Producer{py, gp},
		Jobs:      2,
	})
	if err != nil {
		t.Fatal(err)
	}
	return res, py, gp
}

func summary(res *Result) []string {
	var out []string
	for _, d := range res.Diagnostics {
		out = append(out, d.String())
	}
	return out
}

func TestTwoProducersMergeSortedAndSuppressed(t *testing.T) {
	setup(t, map[string]string{
		"b.py":      "x = 1\nBAD\nBAD  # noqa: T201\n",
		"a/z.go":    "BAD\n",
		"a/a.py":    "ok\n   BAD\n",
		"notes.txt": "BAD\n",
	})
	res, py, gp := check(t, config.Overrides{})
	want := []string{
		"a/a.py:2:4: XY005 [print-call] bad thing",
		"a/z.go:1:1: XY004 [broad-except] bad thing",
		"b.py:2:1: XY005 [print-call] bad thing",
	}
	if got := summary(res); !slices.Equal(got, want) {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
	if py.calls != 1 || gp.calls != 1 || res.ExitCode() != 1 {
		t.Errorf("calls %d/%d exit %d", py.calls, gp.calls, res.ExitCode())
	}
	// Sources are kept only for files with findings, and can be found.
	if res.Source("b.py") == nil || len(res.Files) != 3 {
		t.Errorf("files %d, b.py source %q", len(res.Files), res.Source("b.py"))
	}
}

func TestExitCodes(t *testing.T) {
	setup(t, map[string]string{"ok.py": "fine\n", "pkg/bad.py": "BAD\n", "explicit.txt": "BAD\n"})
	if res, _, _ := check(t, config.Overrides{}, "ok.py"); res.ExitCode() != 0 {
		t.Errorf("clean: exit %d", res.ExitCode())
	}
	if res, _, _ := check(t, config.Overrides{Ignore: []string{"XY005"}}); res.ExitCode() != 0 {
		t.Errorf("ignored: exit %d %v", res.ExitCode(), summary(res))
	}
	res, _, _ := check(t, config.Overrides{}, "pkg", "explicit.txt", "nope.py")
	if res.ExitCode() != 2 || len(res.Diagnostics) != 1 {
		t.Errorf("exit %d, diags %v", res.ExitCode(), summary(res))
	}
	if len(res.Notices) != 1 || res.Notices[0].Path != "explicit.txt" {
		t.Errorf("notices %v", res.Notices)
	}
	if _, err := Run(context.Background(), Options{Registry: &config.Registry{Rules: []*lint.Rule{pyRule}}, Overrides: config.Overrides{Select: []string{"XY9"}}}); err == nil {
		t.Error("unknown --select accepted")
	}
}

func TestBrokenConfigurationStopsOnlyWhatItGoverns(t *testing.T) {
	setup(t, map[string]string{
		"good/m.py":          "BAD\n",
		"broken/xylint.toml": "selct = []\n",
		"broken/m.py":        "BAD\n",
	})
	res, _, _ := check(t, config.Overrides{})
	if got := summary(res); !slices.Equal(got, []string{"good/m.py:1:1: XY005 [print-call] bad thing"}) {
		t.Errorf("diagnostics %q", got)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].String(), "broken/xylint.toml:1:1: selct: unknown key") {
		t.Errorf("errors %v", res.Errors)
	}
	if res.ExitCode() != 2 {
		t.Errorf("exit %d", res.ExitCode())
	}
}

// A broken configuration in a folder with nothing to check (no source
// file, no subfolder) is not read: the walk asks about a folder's
// configuration only for what it would check there.
func TestBrokenConfigurationWithNothingToCheck(t *testing.T) {
	setup(t, map[string]string{
		"good/m.py":          "BAD\n",
		"docs/xylint.toml":   "selct = []\n",
		"docs/index.md":      "# docs\n",
		"docs/conf.txt":      "x\n",
		"broken/xylint.toml": "selct = []\n",
		"broken/sub/m.py":    "BAD\n",
	})
	res, _, _ := check(t, config.Overrides{})
	if got := summary(res); !slices.Equal(got, []string{"good/m.py:1:1: XY005 [print-call] bad thing"}) {
		t.Errorf("diagnostics %q", got)
	}
	if len(res.Errors) != 1 || !strings.Contains(res.Errors[0].String(), "broken/xylint.toml:1:1: selct: unknown key") {
		t.Errorf("errors %v", res.Errors)
	}
}

func TestReadSource(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.py")
	f, _ := os.Create(big)
	f.Truncate(MaxFileSize + 1)
	f.Close()
	if _, err := ReadSource(big); err == nil || !strings.Contains(err.Error(), "file too large") {
		t.Errorf("err = %v", err)
	}
	small := filepath.Join(dir, "s.py")
	os.WriteFile(small, bytes.Repeat([]byte("x"), 10), 0o644)
	if b, err := ReadSource(small); err != nil || len(b) != 10 {
		t.Errorf("%q %v", b, err)
	}
	if _, err := ReadSource(dir); err == nil {
		t.Error("a directory was read")
	}
}

func TestReadSourceLimit(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "m.py")
	os.WriteFile(p, bytes.Repeat([]byte("x = 1\n"), 1000), 0o644)
	if _, err := (Input{Abs: p, MaxFileSize: 5999}).Read(); !errors.Is(err, ErrTooLarge) ||
		err.Error() != "file too large (5 KiB; the limit is 5 KiB: see --max-file-size)" {
		t.Errorf("err = %v", err)
	}
	if b, err := (Input{Abs: p, MaxFileSize: 6000}).Read(); err != nil || len(b) != 6000 || cap(b) > 6001 {
		t.Errorf("%d bytes (capacity %d), %v", len(b), cap(b), err)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]int64{
		"2M": 2 << 20, "2MiB": 2 << 20, "512k": 512 << 10, "1.5M": 3 << 19, "100": 100, "0": HardMaxFileSize, "2G": HardMaxFileSize,
	} {
		if in == "2G" {
			if _, err := ParseSize(in); err == nil {
				t.Errorf("ParseSize(%q) accepted a size over 2 GiB - 1", in)
			}
			continue
		}
		if got, err := ParseSize(in); err != nil || got != want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "M", "-1", "2T", "x"} {
		if _, err := ParseSize(bad); err == nil {
			t.Errorf("ParseSize(%q) accepted", bad)
		}
	}
	if got := FormatSize(10200009); got != "9.7 MiB" {
		t.Errorf("FormatSize = %q", got)
	}
}

// A run fails (exit 1) on the findings whose level reaches the fail-on of
// their file's configuration; --fail-on replaces every configuration's.
func TestExitCodeFollowsFailOn(t *testing.T) {
	setup(t, map[string]string{
		"notes/n.py":         "NOTE\n",
		"warn/w.py":          "BAD\n",
		"errs/e.py":          "ERR\n",
		"strict/xylint.toml": "fail-on = \"note\"\n",
		"strict/n.py":        "NOTE\n",
		"lax/xylint.toml":    "fail-on = \"never\"\n",
		"lax/e.py":           "ERR\n",
	})
	level := func(s string) *lint.FailOn {
		f, err := lint.ParseFailOn(s)
		if err != nil {
			t.Fatal(err)
		}
		return &f
	}
	for _, tc := range []struct {
		paths   []string
		failOn  *lint.FailOn
		exit    int
		failing int
	}{
		{[]string{"notes"}, nil, 0, 0}, // notes do not fail by default
		{[]string{"notes"}, level("note"), 1, 1},
		{[]string{"warn"}, nil, 1, 1},
		{[]string{"warn"}, level("error"), 0, 0},
		{[]string{"errs"}, level("error"), 1, 1},
		{[]string{"errs", "warn", "notes"}, level("never"), 0, 0},
		{[]string{"strict"}, nil, 1, 1}, // its configuration says note
		{[]string{"strict"}, level("warning"), 0, 0},
		{[]string{"lax"}, nil, 0, 0}, // its configuration says never
		{[]string{"lax"}, level("error"), 1, 1},
		{[]string{"notes", "warn", "errs", "strict", "lax"}, nil, 1, 3},
	} {
		res, _, _ := check(t, config.Overrides{FailOn: tc.failOn}, tc.paths...)
		if len(res.Diagnostics) == 0 {
			t.Fatalf("%v: no findings", tc.paths)
		}
		if res.ExitCode() != tc.exit || res.Failing() != tc.failing {
			t.Errorf("%v --fail-on %v: exit %d with %d failing, want %d with %d (%v)",
				tc.paths, tc.failOn, res.ExitCode(), res.Failing(), tc.exit, tc.failing, summary(res))
		}
	}
}

// readSized returns what the reads give, up to the end or the limit,
// whatever sizes the reads come in: a file that shrank or grew after its
// size was taken, a file system that returns less than asked.
func TestReadSized(t *testing.T) {
	// chunks reads content n bytes at a time at most.
	chunks := func(content string, n int) func([]byte) (int, error) {
		return func(b []byte) (int, error) {
			m := copy(b[:min(len(b), n)], content)
			content = content[m:]
			return m, nil
		}
	}
	for _, c := range []struct {
		content  string
		size     int64
		chunk    int
		limit    int64
		want     string
		tooLarge bool
	}{
		{"hello", 5, 100, 100, "hello", false},
		{"hello", 5, 2, 100, "hello", false},                 // short reads
		{"hel", 5, 100, 100, "hel", false},                   // shrank
		{"hello, world", 5, 100, 100, "hello, world", false}, // grew
		{"hello, world", 5, 3, 100, "hello, world", false},
		{"hello, world", 5, 100, 8, "", true}, // grew past the limit
		{"", 0, 100, 100, "", false},
	} {
		got, err := readSized(c.size, c.limit, chunks(c.content, c.chunk))
		if c.tooLarge {
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("%q (size %d, limit %d): %q, %v; want ErrTooLarge", c.content, c.size, c.limit, got, err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%q (size %d, chunks of %d): %q, %v", c.content, c.size, c.chunk, got, err)
		}
	}
	if _, err := readSized(5, 100, func([]byte) (int, error) { return 0, io.ErrUnexpectedEOF }); err != io.ErrUnexpectedEOF {
		t.Errorf("a read error came back as %v", err)
	}
}

// What cannot be read says why as the system does, without the path (the
// report names it).
func TestReadSourceErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadSource(filepath.Join(dir, "missing.py"))
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != "no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	if _, err := ReadSource(dir); err == nil || err.Error() != "not a regular file" {
		t.Errorf("directory: %v", err)
	}
	p := filepath.Join(dir, "m.py")
	want := bytes.Repeat([]byte("print(1)\n"), 5000)
	os.WriteFile(p, want, 0o644)
	if got, err := ReadSource(p); err != nil || !bytes.Equal(got, want) {
		t.Errorf("read %d bytes of %d, %v", len(got), len(want), err)
	}
}
