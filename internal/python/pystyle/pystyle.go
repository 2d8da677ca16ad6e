// Package pystyle reads the code style a Python project's tools enforce,
// for fixes that must not break it: the line length of Ruff, Black and
// flake8.
package pystyle

import (
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/pelletier/go-toml/v2"
	"gopkg.in/ini.v1"
)

// DefaultLineLength is Ruff's and Black's default, used where no
// configuration sets one.
const DefaultLineLength = 88

// LineLength is the line length for Python files in dir (absolute): the
// one the nearest directory from dir up that configures Ruff, Black or
// flake8 sets —
//
//   - Ruff: `line-length` in .ruff.toml or ruff.toml, `[tool.ruff]
//     line-length` in pyproject.toml;
//   - Black: `[tool.black] line-length` in pyproject.toml;
//   - flake8: `max-line-length` in the `[flake8]` section of .flake8,
//     setup.cfg or tox.ini —
//
// the least of them when that directory sets several (the code must pass
// every tool the project runs), DefaultLineLength when that directory
// configures a tool without setting one or no directory configures any.
// A file that does not parse configures nothing. Results are cached per
// directory for the life of the process.
func LineLength(dir string) int {
	return lengths.of(filepath.Clean(dir))
}

var lengths = cache{byDir: map[string]int{}}

type cache struct {
	mu    sync.Mutex
	byDir map[string]int
}

func (c *cache) of(dir string) int {
	c.mu.Lock()
	n, ok := c.byDir[dir]
	c.mu.Unlock()
	if ok {
		return n
	}
	n, found := inDir(dir)
	if !found {
		if parent := filepath.Dir(dir); parent != dir {
			n = c.of(parent)
		} else {
			n = DefaultLineLength
		}
	}
	c.mu.Lock()
	c.byDir[dir] = n
	c.mu.Unlock()
	return n
}

// inDir is the line length dir's own configuration files set; found is
// false when none of them configures Ruff, Black or flake8.
func inDir(dir string) (n int, found bool) {
	least := 0
	set := func(v int) {
		if v > 0 && (least == 0 || v < least) {
			least = v
		}
	}
	for _, name := range []string{".ruff.toml", "ruff.toml"} {
		var f lineLength
		if readTOML(filepath.Join(dir, name), &f) {
			found = true
			set(f.LineLength)
		}
	}
	var py struct {
		Tool struct {
			Ruff  *lineLength `toml:"ruff"`
			Black *lineLength `toml:"black"`
		} `toml:"tool"`
	}
	if readTOML(filepath.Join(dir, "pyproject.toml"), &py) {
		for _, t := range []*lineLength{py.Tool.Ruff, py.Tool.Black} {
			if t != nil {
				found = true
				set(t.LineLength)
			}
		}
	}
	for _, name := range []string{".flake8", "setup.cfg", "tox.ini"} {
		if v, ok := flake8(filepath.Join(dir, name)); ok {
			found = true
			set(v)
		}
	}
	if !found {
		return 0, false
	}
	if least == 0 {
		least = DefaultLineLength
	}
	return least, true
}

// lineLength is Ruff's and Black's setting (ruff.toml, [tool.ruff],
// [tool.black]).
type lineLength struct {
	LineLength int `toml:"line-length"`
}

// readTOML decodes the file at path into v; false when it is missing or
// does not parse.
func readTOML(path string, v any) bool {
	b, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	return toml.Unmarshal(b, v) == nil
}

// flake8 reads max-line-length (or max_line_length) from the [flake8]
// section of an INI file as Python's configparser reads it (continuation
// lines, `=` or `:`); ok is false when the file has no such section or
// does not parse. A section without the key, or with a value that is not a
// number, gives 0.
func flake8(path string) (n int, ok bool) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	f, err := ini.LoadSources(ini.LoadOptions{
		Insensitive:                true,
		AllowPythonMultilineValues: true,
		SkipUnrecognizableLines:    true,
		SpaceBeforeInlineComment:   true,
	}, b)
	if err != nil {
		return 0, false
	}
	s, err := f.GetSection("flake8")
	if err != nil {
		return 0, false
	}
	for _, k := range []string{"max-line-length", "max_line_length"} {
		if s.HasKey(k) {
			v, err := strconv.Atoi(s.Key(k).String())
			if err != nil {
				return 0, true
			}
			return v, true
		}
	}
	return 0, true
}
