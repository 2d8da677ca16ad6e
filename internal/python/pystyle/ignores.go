package pystyle

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/ini.v1"
)

// IgnoredCodes are the codes and code prefixes ("T201", "T20", "BLE")
// the project's own linter configuration turns off for the Python file at
// abs (absolute), so that a rule whose Ruff codes are among them (print-call:
// T201, T203) reports nothing there, as Ruff would not:
//
//   - Ruff: the nearest directory from the file's up whose .ruff.toml,
//     ruff.toml or pyproject.toml ([tool.ruff]) configures Ruff — the one
//     Ruff uses for the file —: `ignore` and `extend-ignore` (top level or
//     under `lint`), and the codes of the `per-file-ignores` and
//     `extend-per-file-ignores` entries whose pattern matches the file.
//     A pattern matches as Ruff matches it: against the file's name, or,
//     joined to the configuration's directory, against its absolute path;
//     `*` and `**` match across directories, `{a,b}` alternatives; a
//     leading `!` negates it. `extend = "..."` chains are not followed.
//   - flake8: the `per-file-ignores` of the nearest .flake8, setup.cfg or
//     tox.ini with a `[flake8]` section (flake8-print's T201, T203 and the
//     older T001, T003), its patterns matched the same way (fnmatch's `*`
//     crosses directories too).
//
// The files are read once per directory for the life of the process.
func IgnoredCodes(abs string) []string {
	abs = filepath.Clean(abs)
	var out []string
	if c := ruffConfigs.of(filepath.Dir(abs)); c != nil {
		out = append(out, c.ignores(abs)...)
	}
	if c := flake8Configs.of(filepath.Dir(abs)); c != nil {
		out = append(out, c.ignores(abs)...)
	}
	return out
}

// toolIgnores is one configuration's ignores.
type toolIgnores struct {
	dir     string
	all     []string
	perFile []fileIgnore
}

type fileIgnore struct {
	negated  bool
	basename *regexp.Regexp // the pattern against the file's name
	absolute *regexp.Regexp // the pattern joined to dir, against the path
	codes    []string
}

func (t *toolIgnores) ignores(abs string) []string {
	out := append([]string(nil), t.all...)
	base := filepath.Base(abs)
	p := filepath.ToSlash(abs)
	for _, f := range t.perFile {
		m := f.basename.MatchString(base) || f.absolute.MatchString(p)
		if m != f.negated {
			out = append(out, f.codes...)
		}
	}
	return out
}

func (t *toolIgnores) add(pattern string, codes []string) {
	f := fileIgnore{codes: codes}
	if rest, ok := strings.CutPrefix(pattern, "!"); ok {
		f.negated, pattern = true, rest
	}
	abs := pattern
	if !filepath.IsAbs(filepath.FromSlash(pattern)) {
		abs = filepath.ToSlash(filepath.Join(t.dir, filepath.FromSlash(pattern)))
	}
	var err1, err2 error
	f.basename, err1 = globRegexp(pattern)
	f.absolute, err2 = globRegexp(abs)
	if err1 == nil && err2 == nil {
		t.perFile = append(t.perFile, f)
	}
}

// globRegexp compiles a glob as Ruff's globset and flake8's fnmatch read
// it: `*` (and `**`) any run of characters, `/` included; `?` one; `[...]`
// a class (`[!...]` negated); `{a,b}` alternatives.
func globRegexp(g string) (*regexp.Regexp, error) {
	var b strings.Builder
	b.WriteString("^")
	depth := 0
	for i := 0; i < len(g); i++ {
		c := g[i]
		switch {
		case c == '*':
			b.WriteString(".*")
			for i+1 < len(g) && g[i+1] == '*' {
				i++
			}
		case c == '?':
			b.WriteString(".")
		case c == '[':
			j := strings.IndexByte(g[i+1:], ']')
			if j < 0 {
				b.WriteString(`\[`)
				continue
			}
			class := g[i+1 : i+1+j]
			if strings.HasPrefix(class, "!") {
				class = "^" + class[1:]
			}
			b.WriteString("[" + strings.ReplaceAll(class, `\`, `\\`) + "]")
			i += j + 1
		case c == '{':
			depth++
			b.WriteString("(?:")
		case c == '}' && depth > 0:
			depth--
			b.WriteString(")")
		case c == ',' && depth > 0:
			b.WriteString("|")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	b.WriteString("$")
	return regexp.Compile(b.String())
}

// ruffSettings are the keys of Ruff's configuration that turn codes off.
type ruffSettings struct {
	Ignore               []string            `toml:"ignore"`
	ExtendIgnore         []string            `toml:"extend-ignore"`
	PerFileIgnores       map[string][]string `toml:"per-file-ignores"`
	ExtendPerFileIgnores map[string][]string `toml:"extend-per-file-ignores"`
	Lint                 *struct {
		Ignore               []string            `toml:"ignore"`
		ExtendIgnore         []string            `toml:"extend-ignore"`
		PerFileIgnores       map[string][]string `toml:"per-file-ignores"`
		ExtendPerFileIgnores map[string][]string `toml:"extend-per-file-ignores"`
	} `toml:"lint"`
}

var (
	ruffConfigs   = configCache{byDir: map[string]*toolIgnores{}, read: readRuff}
	flake8Configs = configCache{byDir: map[string]*toolIgnores{}, read: readFlake8}
)

// configCache finds, per directory, the nearest configuration of a tool.
type configCache struct {
	mu    sync.Mutex
	byDir map[string]*toolIgnores
	read  func(dir string) (*toolIgnores, bool)
}

func (c *configCache) of(dir string) *toolIgnores {
	c.mu.Lock()
	t, ok := c.byDir[dir]
	c.mu.Unlock()
	if ok {
		return t
	}
	t, found := c.read(dir)
	if !found {
		if parent := filepath.Dir(dir); parent != dir {
			t = c.of(parent)
		}
	}
	c.mu.Lock()
	c.byDir[dir] = t
	c.mu.Unlock()
	return t
}

// readRuff reads dir's Ruff configuration; found is false when dir
// configures no Ruff (a pyproject.toml without [tool.ruff] does not).
func readRuff(dir string) (*toolIgnores, bool) {
	var s *ruffSettings
	for _, name := range []string{".ruff.toml", "ruff.toml"} {
		var f ruffSettings
		if readTOML(filepath.Join(dir, name), &f) {
			s = &f
			break
		}
	}
	if s == nil {
		var py struct {
			Tool struct {
				Ruff *ruffSettings `toml:"ruff"`
			} `toml:"tool"`
		}
		if readTOML(filepath.Join(dir, "pyproject.toml"), &py) {
			s = py.Tool.Ruff
		}
	}
	if s == nil {
		return nil, false
	}
	t := &toolIgnores{dir: dir}
	t.all = append(append(t.all, s.Ignore...), s.ExtendIgnore...)
	pfi := []map[string][]string{s.PerFileIgnores, s.ExtendPerFileIgnores}
	if s.Lint != nil {
		t.all = append(append(t.all, s.Lint.Ignore...), s.Lint.ExtendIgnore...)
		pfi = append(pfi, s.Lint.PerFileIgnores, s.Lint.ExtendPerFileIgnores)
	}
	for _, m := range pfi {
		for pattern, codes := range m {
			t.add(pattern, codes)
		}
	}
	return t, true
}

// readFlake8 reads the per-file-ignores of dir's flake8 configuration
// ("pattern: CODE, CODE" entries, separated by newlines or commas, as
// flake8 parses them).
func readFlake8(dir string) (*toolIgnores, bool) {
	for _, name := range []string{".flake8", "setup.cfg", "tox.ini"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		f, err := ini.LoadSources(ini.LoadOptions{Insensitive: true, AllowPythonMultilineValues: true, SkipUnrecognizableLines: true, SpaceBeforeInlineComment: true}, b)
		if err != nil {
			continue
		}
		s, err := f.GetSection("flake8")
		if err != nil {
			continue
		}
		t := &toolIgnores{dir: dir}
		for _, k := range []string{"per-file-ignores", "per_file_ignores"} {
			if s.HasKey(k) {
				parseFlake8PerFile(t, s.Key(k).String())
			}
		}
		return t, true
	}
	return nil, false
}

// parseFlake8PerFile parses flake8's per-file-ignores value: tokens
// separated by whitespace or commas, a token ending in ":" (or followed by
// one) closing a list of patterns, the codes after it theirs.
func parseFlake8PerFile(t *toolIgnores, v string) {
	v = strings.ReplaceAll(v, ":", " : ")
	var patterns, codes []string
	flush := func() {
		for _, p := range patterns {
			t.add(p, codes)
		}
		patterns, codes = nil, nil
	}
	afterColon := false
	for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		switch {
		case tok == ":":
			afterColon = true
		case afterColon && codePattern.MatchString(tok):
			codes = append(codes, tok)
		default:
			if afterColon {
				flush()
				afterColon = false
			}
			patterns = append(patterns, tok)
		}
	}
	flush()
}

// codePattern is a flake8 code or prefix (E, E7, T201, BLE001).
var codePattern = regexp.MustCompile(`^[A-Z]{1,3}[0-9]{0,4}$`)
