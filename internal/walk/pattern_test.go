package walk

import (
	"path"
	"testing"
)

func TestPatternMatch(t *testing.T) {
	tests := []struct {
		pat   string
		path  string
		isDir bool
		want  bool
	}{
		{"*.pyc", "a/b/c.pyc", false, true},
		{"*.pyc", "c.py", false, false},
		{"build/", "build", true, true},
		{"build/", "build", false, false}, // dir-only pattern, regular file
		{"build/", "svc/build", true, true},
		{"/build", "svc/build", true, false}, // leading slash anchors
		{"/build", "build", false, true},
		{"docs/build", "docs/build", true, true},
		{"docs/build", "x/docs/build", true, false}, // middle slash anchors too
		{"**/gen", "a/b/gen", true, true},
		{"**/gen", "gen", true, true},
		{"a/**/b.py", "a/b.py", false, true},
		{"a/**/b.py", "a/x/y/b.py", false, true},
		{"a/**/b.py", "c/a/x/b.py", false, false},
		{"out/**", "out/x.py", false, true},
		{"out/**", "out", true, false},
		{"file?.py", "file1.py", false, true}, // ? is a wildcard, not a literal
		{"file?.py", "file12.py", false, false},
		{"[!a]x.py", "bx.py", false, true},
		{"[!a]x.py", "ax.py", false, false},
		{"c++.py", "c++.py", false, true}, // no regexp syntax leaks through
		{"a+(b).py", "a+(b).py", false, true},
		{`\#x.py`, "#x.py", false, true},
		{"*.py   ", "m.py", false, true}, // trailing spaces trimmed
		{"*/tmp", "a/tmp", true, true},
		{"*/tmp", "a/b/tmp", true, false},
	}
	for _, tt := range tests {
		p, ok := ParsePattern(tt.pat)
		if !ok {
			t.Errorf("ParsePattern(%q) rejected", tt.pat)
			continue
		}
		if got := p.Match(tt.path, tt.isDir); got != tt.want {
			t.Errorf("%q.Match(%q, dir=%v) = %v, want %v", tt.pat, tt.path, tt.isDir, got, tt.want)
		}
	}
}

func TestParsePatternSkipsCommentsAndBlanks(t *testing.T) {
	for _, l := range []string{"", "   ", "# comment", "/", "\r"} {
		if _, ok := ParsePattern(l); ok {
			t.Errorf("ParsePattern(%q) accepted", l)
		}
	}
	p, ok := ParsePattern("!keep.py")
	if !ok || !p.Negate {
		t.Errorf("negation not parsed: %+v", p)
	}
}

func TestNegationLastMatchWins(t *testing.T) {
	ps := CompilePatterns("/r", []string{"*.py", "!keep.py", "gen/"})
	for _, tt := range []struct {
		abs   string
		isDir bool
		want  bool
	}{
		{"/r/a.py", false, true},
		{"/r/keep.py", false, false},
		{"/r/gen", true, true},
		{"/other/a.py", false, false}, // outside the base
	} {
		if got, _ := ps.Match(tt.abs, tt.isDir); got != tt.want {
			t.Errorf("Match(%q) = %v, want %v", tt.abs, got, tt.want)
		}
	}
}

// matchSeg rejects names early by a pattern's literal ends; it answers as
// path.Match does.
func TestMatchSegAsPathMatch(t *testing.T) {
	pats := []string{"*.pyc", "test_*.py", "*_test.py", "ab*ba", "a?c", "*", "?", "[!a]x.py", `\*.py`, `a\?b*`, "x[", "*.egg-info", "__pycache__", ".*", "*~", "a*b*c", `*db\.sqlite3`, `\a*`, `a\`, `a\b`, `[ab]*.py`}
	names := []string{"", "a", "c.pyc", "c.py", "test_.py", "test_a.py", "a_test.py", "aba", "abba", "abc", "ac", "bx.py", "ax.py", "*.py", "a?bz", "x[", "p.egg-info", "__pycache__", ".venv", "f~", "abc", "aXbYc", "ab", "db.sqlite3", "xdb.sqlite3", "xdbXsqlite3", `a\`, "b.py"}
	for _, p := range pats {
		for _, n := range names {
			want, err := path.Match(p, n)
			if err != nil {
				want = false
			}
			if got := matchSeg(p, n); got != want {
				t.Errorf("matchSeg(%q, %q) = %v, path.Match says %v", p, n, got, want)
			}
		}
	}
}
