// Package ruleopts holds what the rules' options share: Spec, the typed
// declaration of a rule's options (decoded from its table, compiled once per
// configuration), the default exclusion of test files, compiled path globs
// matched against a file's path and its tails (`exclude`, `pool-modules`),
// and the "module:name" shape of a logger-import. It needs no cgo: the Go
// analyzers and the golangci-lint plugin import the option types.
package ruleopts

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/walk"
)

// TestFiles are the default `exclude` of the Python rules that leave test
// files alone (their fixtures print, build clients and throwaway apps on
// purpose).
var TestFiles = []string{"test_*.py", "*_test.py", "conftest.py", "tests/"}

// Globs is a list of path globs (gitignore syntax; negations and globs
// that do not parse are ignored), compiled: a rule's option compiles its
// list once per configuration (CompileGlobs), and every file of the run is
// matched against it without allocating. The zero value matches nothing.
type Globs struct{ l *globList }

// CompileGlobs parses globs.
func CompileGlobs(globs []string) Globs {
	if len(globs) == 0 {
		return Globs{}
	}
	return Globs{parseGlobs(globs)}
}

// Match reports whether the slash-separated path p matches one of the
// globs. A glob is matched against the path and every tail of it that
// starts at a directory, so "shared/gcp_clients.py" matches
// "services/shared/gcp_clients.py"; a glob without "/" matches the file's
// name or any directory's, and a glob ending in "/" matches a directory the
// file is in.
func (g Globs) Match(p string) bool { return g.l != nil && g.l.match(p) }

// globList is a list of globs, parsed.
type globList struct {
	src   []string // the list as parsed (a copy)
	globs []glob
}

type glob struct {
	pat walk.Pattern
	// name: the glob has no "/" and matches any element of the path;
	// otherwise it matches a tail of parts elements (any number when deep:
	// the glob has "**").
	name  bool
	parts int
	deep  bool
	// prefix and suffix are the literal ends of a name glob around its
	// wildcards ("test_" and ".py" of "test_*.py"): an element without
	// them is rejected without path.Match, which most of a path's
	// elements are. A name glob without wildcards is all prefix (exact).
	prefix, suffix string
	exact          bool
	// first is a path glob's first element when it is literal ("shared"
	// of "shared/gcp_clients.py"): a tail that does not start with it is
	// not matched, which is nearly every tail of every path.
	first string
}

func parseGlobs(globs []string) *globList {
	l := &globList{src: slices.Clone(globs)}
	for _, g := range globs {
		pat, ok := walk.ParsePattern(g)
		if !ok || pat.Negate {
			continue
		}
		body := strings.Trim(g, "/")
		gl := glob{
			pat:   pat,
			name:  !strings.Contains(body, "/"),
			parts: strings.Count(body, "/") + 1,
			deep:  strings.Contains(body, "**"),
		}
		// Only plain * and ? wildcards: escapes, classes and trailing
		// spaces (which the parser trims) keep the full match.
		if gl.name && !strings.ContainsAny(body, `\[`) && !strings.HasSuffix(body, " ") {
			if i := strings.IndexAny(body, "*?"); i >= 0 {
				gl.prefix, gl.suffix = body[:i], body[strings.LastIndexAny(body, "*?")+1:]
			} else {
				gl.prefix, gl.exact = body, true
			}
		}
		if !gl.name {
			if f, _, _ := strings.Cut(strings.TrimLeft(body, "/"), "/"); f != "**" && !strings.ContainsAny(f, `*?[\`) {
				gl.first = f
			}
		}
		l.globs = append(l.globs, gl)
	}
	return l
}

// maxElems bounds the path elements match handles without allocating.
const maxElems = 64

func (l *globList) match(p string) bool {
	p = strings.Trim(strings.ReplaceAll(p, "\\", "/"), "/")
	// The elements of p are p[start[i]:start[i+1]-1]; the tail from
	// element i to element j-1 is p[start[i]:start[j]-1]; a sentinel start
	// past the end closes the last one.
	var buf [maxElems + 1]int
	start := append(buf[:0], 0)
	for i := 0; i < len(p); i++ {
		if p[i] == '/' {
			start = append(start, i+1)
		}
	}
	n := len(start)
	start = append(start, len(p)+1)
	for _, g := range l.globs {
		if g.name {
			// A name pattern: the file's name or a directory's.
			for j := range n {
				e := p[start[j] : start[j+1]-1]
				if g.exact {
					if e == g.prefix && (!g.pat.DirOnly || j < n-1) {
						return true
					}
					continue
				}
				if len(e) < len(g.prefix)+len(g.suffix) || !strings.HasPrefix(e, g.prefix) || !strings.HasSuffix(e, g.suffix) {
					continue
				}
				if g.pat.Match(e, j < n-1) {
					return true
				}
			}
			continue
		}
		// A path pattern: the tails of the path that have as many parts
		// as the pattern (any number with "**").
		for i := range n {
			if g.first != "" && p[start[i]:start[i+1]-1] != g.first {
				continue
			}
			for j := i + 1; j <= n; j++ {
				if !g.deep && j-i != g.parts {
					continue
				}
				if g.pat.Match(p[start[i]:start[j]-1], j < n) {
					return true
				}
			}
		}
	}
	return false
}

// CheckLoggerImport checks a logger-import option's "module:name" shape
// ("shared.logging_config:logger"); "" is valid (no shared logger).
func CheckLoggerImport(s string) error {
	if s == "" {
		return nil
	}
	m, n, ok := strings.Cut(s, ":")
	if !ok || m == "" || n == "" || strings.ContainsAny(s, " \t/") || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") {
		return fmt.Errorf("logger-import %q: want \"module:name\", such as \"shared.logging_config:logger\"", s)
	}
	return nil
}
