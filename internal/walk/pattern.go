package walk

import (
	"path"
	"strings"
)

// A Pattern is one line of a .gitignore file, or an exclude glob, with git's
// semantics (gitignore(5)):
//
//   - a pattern without a slash (other than a trailing one) matches a file or
//     directory name at any depth below the pattern's base directory;
//   - a pattern with a slash at the start or in the middle is anchored at the
//     base directory and matched against the whole relative path;
//   - "*", "?" and "[...]" ("[!...]" negated) do not match "/"; "**" as a whole
//     segment matches zero or more directories;
//   - a trailing "/" matches directories only; a leading "!" re-includes;
//     "\" escapes the next character ("\#", "\!", "\ ").
//
// github.com/sabhiram/go-gitignore, pinned in go.mod, was read and rejected:
// it escapes "?" into a literal question mark, leaves "+", "(" and "$" as
// regular-expression syntax, does not anchor "docs/build" (a pattern with a
// middle slash) and never matches "dir/" against a directory given without a
// trailing slash.
type Pattern struct {
	Source  string // the line as written, for messages
	Negate  bool
	DirOnly bool
	// anchored patterns match the whole relative path; the others match the
	// last element only.
	anchored bool
	segs     []seg
}

// seg is one path element of a pattern, with what matching needs worked
// out once: the walk asks every pattern about every entry.
type seg struct {
	pat      string
	any      bool // "**"
	literal  bool // no wildcard, class or escape
	prefix   string
	suffix   string // the text after the last wildcard
	noSuffix bool   // a class: the suffix is not checked
}

func compileSeg(pat string) seg {
	sg := seg{pat: pat, any: pat == "**"}
	if !strings.ContainsAny(pat, `*?[\`) {
		sg.literal = true
		return sg
	}
	// The literal runs before the first wildcard and after the last one,
	// escapes resolved ("*db\.sqlite3" ends with "db.sqlite3"); a class
	// ends the prefix and leaves the suffix unchecked.
	var run strings.Builder
	prefixDone := false
	for i := 0; i < len(pat); i++ {
		switch c := pat[i]; c {
		case '\\':
			if i+1 < len(pat) {
				i++
				run.WriteByte(pat[i])
			}
		case '*', '?', '[':
			if !prefixDone {
				sg.prefix, prefixDone = run.String(), true
			}
			run.Reset()
			if c == '[' {
				sg.noSuffix = true
				return sg
			}
		default:
			run.WriteByte(c)
		}
	}
	if !prefixDone {
		sg.prefix = run.String() // only escapes: the whole name
	}
	sg.suffix = run.String()
	return sg
}

// ParsePattern parses one gitignore line. ok is false for blank lines and
// comments.
func ParsePattern(line string) (p Pattern, ok bool) {
	p.Source = line
	line = strings.TrimSuffix(line, "\r")
	if line == "" || line[0] == '#' {
		return p, false
	}
	line = trimTrailingSpaces(line)
	if line == "" {
		return p, false
	}
	if line[0] == '!' {
		p.Negate = true
		line = line[1:]
	} else if line[0] == '\\' && len(line) > 1 && (line[1] == '#' || line[1] == '!') {
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.DirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return p, false
	}
	if strings.Contains(line, "/") {
		p.anchored = true
		line = strings.TrimPrefix(line, "/")
	}
	for _, s := range strings.Split(line, "/") {
		if s == "" {
			continue // "a//b" is "a/b"
		}
		p.segs = append(p.segs, compileSeg(toGoGlob(s)))
	}
	if len(p.segs) == 0 {
		return p, false
	}
	// "**/foo" is the same as "foo".
	if p.anchored && len(p.segs) == 2 && p.segs[0].any {
		p.anchored = false
		p.segs = p.segs[1:]
	}
	return p, true
}

// trimTrailingSpaces removes trailing spaces unless escaped with a backslash.
func trimTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") && !strings.HasSuffix(s, "\\ ") {
		s = s[:len(s)-1]
	}
	return s
}

// toGoGlob turns git's "[!...]" into path.Match's "[^...]".
func toGoGlob(s string) string {
	if !strings.Contains(s, "[!") {
		return s
	}
	return strings.ReplaceAll(s, "[!", "[^")
}

// Match reports whether rel, a slash-separated path relative to the
// pattern's base directory, matches. isDir says whether rel is a directory.
// The caller is expected to test every directory on the way down (as a walk
// does), so a pattern that matches a parent directory need not match its
// contents.
func (p Pattern) Match(rel string, isDir bool) bool {
	return p.match(rel, path.Base(rel), isDir)
}

// match is Match with rel's last element given (the same for every pattern
// of a list).
func (p *Pattern) match(rel, name string, isDir bool) bool {
	if p.DirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return p.segs[0].match(name)
	}
	return matchSegs(p.segs, rel)
}

// matchSegs matches pattern segments against the elements of rel, a clean
// slash-separated path ("" has no elements), without splitting it.
func matchSegs(pat []seg, rel string) bool {
	for len(pat) > 0 {
		if pat[0].any {
			rest := pat[1:]
			if len(rest) == 0 {
				// "a/**" matches everything inside a, not a itself.
				return rel != ""
			}
			for r := rel; ; {
				if matchSegs(rest, r) {
					return true
				}
				if r == "" {
					return false
				}
				_, r, _ = strings.Cut(r, "/")
			}
		}
		if rel == "" {
			return false
		}
		name, tail, _ := strings.Cut(rel, "/")
		if !pat[0].match(name) {
			return false
		}
		pat, rel = pat[1:], tail
	}
	return rel == ""
}

// matchSeg matches one path element against one pattern element.
func matchSeg(pat, name string) bool {
	s := compileSeg(pat)
	return s.match(name)
}

func (s *seg) match(name string) bool {
	if s.any {
		return true
	}
	if s.literal {
		return s.pat == name // most gitignore lines name a file or directory
	}
	// The literal text before the first wildcard, and after the last one
	// when there is no class, must be there ("*.pyc" and "main.py"): most
	// names fail these before path.Match.
	if !strings.HasPrefix(name, s.prefix) || !s.noSuffix && !strings.HasSuffix(name, s.suffix) {
		return false
	}
	ok, err := path.Match(s.pat, name)
	return err == nil && ok
}

// Patterns is an ordered list of patterns sharing one base directory (the
// directory of a .gitignore, or of a configuration file).
type Patterns struct {
	Base string // absolute, OS-specific directory the patterns are relative to
	List []Pattern
}

// CompilePatterns parses lines (a .gitignore's, or exclude globs) relative to
// base.
func CompilePatterns(base string, lines []string) *Patterns {
	ps := &Patterns{Base: base}
	for _, l := range lines {
		if p, ok := ParsePattern(l); ok {
			ps.List = append(ps.List, p)
		}
	}
	return ps
}

// Match returns whether the last pattern matching abs excludes it (matched
// is false when no pattern matched, so that a later, deeper file decides).
func (ps *Patterns) Match(abs string, isDir bool) (excluded, matched bool) {
	if len(ps.List) == 0 {
		return false, false // --exclude not given: asked of every entry of a walk
	}
	rel, ok := relSlash(ps.Base, abs)
	if !ok {
		return false, false
	}
	name := path.Base(rel)
	for i := range ps.List {
		if p := &ps.List[i]; p.match(rel, name, isDir) {
			excluded, matched = !p.Negate, true
		}
	}
	return excluded, matched
}
