package printcall

import (
	"fmt"
	"path"
	"strings"
)

// Options are XY005 print-call's options ([tool.xylint.print-call]).
type Options struct {
	// Exclude lists glob patterns of paths where prints are allowed.
	Exclude []string `toml:"exclude"`
	// AllowInMain exempts code under `if __name__ == "__main__":`.
	AllowInMain bool `toml:"allow-in-main"`
	// LoggerImport names a shared logger the fix uses when a module has
	// none of its own, as "module:name" ("shared.logging_config:logger");
	// empty: the fix defines `logger = logging.getLogger(__name__)`.
	LoggerImport string `toml:"logger-import"`
}

// Validate checks logger-import's shape (config calls it).
func (o *Options) Validate() error {
	if o.LoggerImport == "" {
		return nil
	}
	m, n, ok := strings.Cut(o.LoggerImport, ":")
	if !ok || m == "" || n == "" || strings.ContainsAny(o.LoggerImport, " \t/") || strings.HasPrefix(m, ".") || strings.HasSuffix(m, ".") {
		return fmt.Errorf("logger-import %q: want \"module:name\", such as \"shared.logging_config:logger\"", o.LoggerImport)
	}
	return nil
}

// DefaultExclude are the test files, where printing is how tests talk.
var DefaultExclude = []string{"test_*.py", "*_test.py", "conftest.py", "tests/"}

// NewOptions returns the defaults (Rule.NewOptions).
func NewOptions() any {
	return &Options{Exclude: append([]string(nil), DefaultExclude...), AllowInMain: true}
}

// Excludes reports whether the slash-separated path matches one of the
// exclude patterns:
//
//   - a pattern without "/" (`test_*.py`) matches the file's name or any
//     directory name in the path;
//   - a pattern ending in "/" (`tests/`) matches any directory in the path;
//   - a pattern with "/" inside (`scripts/*.py`, `tools/**/gen_*.py`)
//     matches the path or any tail of it that starts at a directory
//     boundary; `**` matches any number of directories.
//
// "*", "?" and "[...]" are path.Match's and do not cross "/".
func (o *Options) Excludes(p string) bool {
	if o == nil {
		return false
	}
	segs := strings.Split(strings.Trim(path.Clean(strings.ReplaceAll(p, "\\", "/")), "/"), "/")
	for _, pat := range o.Exclude {
		if matchPath(pat, segs) {
			return true
		}
	}
	return false
}

func matchPath(pat string, segs []string) bool {
	dirOnly := strings.HasSuffix(pat, "/")
	pat = strings.Trim(pat, "/")
	if pat == "" {
		return false
	}
	if !strings.Contains(pat, "/") {
		last := len(segs)
		if dirOnly {
			last--
		}
		for _, s := range segs[:max(last, 0)] {
			if ok, _ := path.Match(pat, s); ok {
				return true
			}
		}
		return false
	}
	ps := strings.Split(pat, "/")
	for start := range segs {
		if matchSegs(ps, segs[start:], dirOnly) {
			return true
		}
	}
	return false
}

// matchSegs matches pattern segments against a path's segments from the
// start; a dirOnly pattern may match a leading part of the path (the
// directory the file is in, or above).
func matchSegs(ps, segs []string, dirOnly bool) bool {
	// The stack holds (pattern index, segment index) states still to try,
	// so that "**" needs no recursion.
	type state struct{ p, s int }
	stack := []state{{0, 0}}
	for len(stack) > 0 {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if st.p == len(ps) {
			if st.s == len(segs) || dirOnly && st.s < len(segs) {
				return true
			}
			continue
		}
		if ps[st.p] == "**" {
			for s := st.s; s <= len(segs); s++ {
				stack = append(stack, state{st.p + 1, s})
			}
			continue
		}
		if st.s < len(segs) {
			if ok, _ := path.Match(ps[st.p], segs[st.s]); ok {
				stack = append(stack, state{st.p + 1, st.s + 1})
			}
		}
	}
	return false
}
