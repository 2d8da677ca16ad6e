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
	segs     []string
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
		p.segs = append(p.segs, toGoGlob(s))
	}
	if len(p.segs) == 0 {
		return p, false
	}
	// "**/foo" is the same as "foo".
	if p.anchored && len(p.segs) == 2 && p.segs[0] == "**" {
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
	if p.DirOnly && !isDir {
		return false
	}
	if !p.anchored {
		return matchSeg(p.segs[0], path.Base(rel))
	}
	return matchSegs(p.segs, rel)
}

// matchSegs matches pattern segments against the elements of rel, a clean
// slash-separated path ("" has no elements), without splitting it.
func matchSegs(pat []string, rel string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
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
		if !matchSeg(pat[0], name) {
			return false
		}
		pat, rel = pat[1:], tail
	}
	return rel == ""
}

func matchSeg(pat, name string) bool {
	if pat == "**" {
		return true
	}
	i := strings.IndexAny(pat, `*?[\`)
	if i < 0 {
		return pat == name // most gitignore lines name a file or directory
	}
	// The literal text before the first wildcard, and after the last one
	// when there is no class or escape, must be there ("*.pyc" and
	// "main.py"): most names fail these before path.Match, which every
	// walked entry meets for every pattern.
	if !strings.HasPrefix(name, pat[:i]) {
		return false
	}
	if !strings.ContainsAny(pat, `[\`) && !strings.HasSuffix(name, pat[strings.LastIndexAny(pat, "*?")+1:]) {
		return false
	}
	ok, err := path.Match(pat, name)
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
	rel, ok := relSlash(ps.Base, abs)
	if !ok {
		return false, false
	}
	for _, p := range ps.List {
		if p.Match(rel, isDir) {
			excluded, matched = !p.Negate, true
		}
	}
	return excluded, matched
}
