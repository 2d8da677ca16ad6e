// Package ruleopts holds what the rules' option types share: the default
// exclusion of test files, path globs matched against a file's path and
// its tails (`exclude`, `pool-modules`), and the "module:name" shape of a
// logger-import. It needs no cgo: the Go analyzers and the golangci-lint
// plugin import the option types.
package ruleopts

import (
	"fmt"
	"strings"

	"github.com/xynergy/xylint/internal/walk"
)

// TestFiles are the default `exclude` of the Python rules that leave test
// files alone (their fixtures print, build clients and throwaway apps on
// purpose).
var TestFiles = []string{"test_*.py", "*_test.py", "conftest.py", "tests/"}

// MatchGlobs reports whether the slash-separated path p matches one of the
// globs (gitignore syntax; negations are ignored). A glob is matched against
// the path and every tail of it that starts at a directory, so
// "shared/gcp_clients.py" matches "services/shared/gcp_clients.py"; a glob
// without "/" matches the file's name or any directory's, and a glob ending
// in "/" matches a directory the file is in.
func MatchGlobs(globs []string, p string) bool {
	if len(globs) == 0 {
		return false
	}
	segs := strings.Split(strings.Trim(strings.ReplaceAll(p, "\\", "/"), "/"), "/")
	for _, g := range globs {
		pat, ok := walk.ParsePattern(g)
		if !ok || pat.Negate {
			continue
		}
		body := strings.Trim(g, "/")
		if !strings.Contains(body, "/") {
			// A name pattern: the file's name or a directory's.
			for j, s := range segs {
				if pat.Match(s, j < len(segs)-1) {
					return true
				}
			}
			continue
		}
		// A path pattern: the tails of the path that have as many parts
		// as the pattern (any number with "**").
		n := strings.Count(body, "/") + 1
		for i := range segs {
			for j := i + 1; j <= len(segs); j++ {
				if !strings.Contains(body, "**") && j-i != n {
					continue
				}
				if pat.Match(strings.Join(segs[i:j], "/"), j < len(segs)) {
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
