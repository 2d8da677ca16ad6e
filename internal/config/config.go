// Package config finds and decodes xylint's configuration, as Ruff does:
// `[tool.xylint]` in pyproject.toml, or the top level of xylint.toml or
// .xylint.toml, found by walking up from each checked path; the nearest
// file wins (no merging across files). Within one directory .xylint.toml is
// preferred to xylint.toml, which is preferred to pyproject.toml.
//
// Keys: select, extend-select, ignore, exclude, extend-exclude,
// per-file-ignores (glob → codes, names or prefixes), fail-on (the least
// level of finding that fails the run, for the files the configuration
// governs), importable-modules (modules a fix may import though no file of
// the run is them or imports them: an installed package), campaign, and
// one table per rule,
// keyed by the rule's name, decoded strictly into the rule's options struct
// (Rule.Options) and compiled once per configuration file. Unknown keys and
// bad values are errors that name the
// file, line and key.
package config

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/pyident"
	"github.com/xynergy/xylint/internal/python/pystyle"
	"github.com/xynergy/xylint/internal/roles"
	"github.com/xynergy/xylint/internal/walk"
)

// FileNames are the configuration files looked for in each directory, most
// preferred first.
var FileNames = []string{".xylint.toml", "xylint.toml", "pyproject.toml"}

// DefaultExclude is `exclude` when a configuration does not set it (set
// `extend-exclude` to add to it). .git, .hg and .svn are always skipped, as
// is any directory holding a pyvenv.cfg (a virtual environment).
var DefaultExclude = []string{
	".venv", "venv", ".tox", ".nox", ".eggs", "__pycache__", "__pypackages__",
	".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", "node_modules",
}

// Registry is the set of rules a configuration can name.
type Registry struct {
	// Rules lists every rule that can be reported, pseudo-rules included
	// (XY000 syntax-error, the suppression checks), in display order.
	Rules []*lint.Rule
	// OptIn rules are enabled only by naming them exactly (code or name) in
	// select or extend-select: "ALL" and prefixes do not reach them.
	OptIn []*lint.Rule
}

// Lookup finds a rule by code or name.
func (r *Registry) Lookup(s string) *lint.Rule {
	for _, rule := range r.Rules {
		if strings.EqualFold(s, rule.Code) || strings.EqualFold(s, rule.Name) {
			return rule
		}
	}
	return nil
}

// Overrides are the command line's settings. Select replaces the
// configuration's select; ExtendSelect, Ignore and Exclude add to it, and
// Ignore wins over anything a configuration selects.
type Overrides struct {
	Select, ExtendSelect, Ignore []string
	// Exclude globs are relative to Cwd.
	Exclude []string
	Cwd     string
	// FailOn, when set (--fail-on), replaces every configuration's fail-on.
	FailOn *lint.FailOn
}

// Error is a configuration error at a place in a file.
type Error struct {
	File      string // as displayed (relative to the working directory when inside it)
	Line, Col int    // 0 when unknown
	Key       string // dotted key, "" for a syntax error
	Msg       string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Col)
	}
	b.WriteString(": ")
	if e.Key != "" {
		b.WriteString(e.Key + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// PerFileIgnore is one entry of per-file-ignores.
type PerFileIgnore struct {
	Glob      string
	Selectors []string
	pattern   walk.Pattern
}

// RoleGlob is one entry of roles.
type RoleGlob struct {
	Glob, Role string
	pattern    walk.Pattern
}

// Settings is one configuration file's settings (or the defaults).
type Settings struct {
	File string // absolute path of the file; "" for the defaults
	Dir  string // the directory globs are relative to

	Select, ExtendSelect, Ignore []string
	Exclude, ExtendExclude       []string
	PerFileIgnores               []PerFileIgnore
	// FailOn is the least level of finding in the governed files that
	// fails the run: the file's fail-on, or --fail-on, or warning.
	FailOn lint.FailOn
	// Campaigns is the `campaign` table ([tool.xylint.campaign.<name>],
	// for `xylint migrate`) as NewCampaigns decodes it, or nil when the
	// file has none.
	Campaigns any
	// ImportableModules are modules (dotted names, each covering its
	// submodules) that the code's environment provides though no file of
	// the run is them or imports them — an installed package such as the
	// platform's shared library: fixes may add imports of them.
	ImportableModules []string
	// Roles are the `roles` table: path globs (as per-file-ignores') and
	// the role they give the Python files they match (RoleNames), which
	// replaces the one internal/python/roles would infer; sorted by glob.
	Roles []RoleGlob

	options  map[*lint.Rule]any // as decoded (Rule.Options.New), for printing
	compiled map[*lint.Rule]any // Rule.Options.Compile of options
	reg      *Registry
	ov       *Overrides
	exclude  *walk.Patterns
	cliExcl  *walk.Patterns
	enabled  []*lint.Rule
	explicit bool // Select was set by the file

	optionsOnce sync.Once
	rulesKey    []byte // the options' part of RulesKey
	keyOnce     sync.Once
	enabledKey  [32]byte // RulesKey of the enabled rules

}

// Loader finds the configuration for paths, caching per directory. It is
// safe for concurrent use.
type Loader struct {
	reg      *Registry
	ov       Overrides
	defaults *Settings
	xyType   reflect.Type // the decoding target for [tool.xylint]

	mu    sync.Mutex
	byDir map[string]loaded
	// unconfigured are directories known to hold no configuration file
	// (Listed).
	unconfigured map[string]bool
}

type loaded struct {
	s   *Settings
	err error
}

// NewLoader validates the overrides against the registry.
func NewLoader(reg *Registry, ov Overrides) (*Loader, error) {
	if ov.Cwd == "" {
		wd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		ov.Cwd = wd
	}
	l := &Loader{reg: reg, ov: ov, byDir: map[string]loaded{}, unconfigured: map[string]bool{}}
	l.xyType = l.decodeType()
	for _, f := range []struct {
		name string
		sels []string
	}{{"--select", ov.Select}, {"--extend-select", ov.ExtendSelect}, {"--ignore", ov.Ignore}} {
		for _, s := range f.sels {
			if err := l.checkSelector(s); err != nil {
				return nil, fmt.Errorf("%s %s: %v", f.name, s, err)
			}
		}
	}
	for _, g := range ov.Exclude {
		if err := checkGlob(g); err != nil {
			return nil, fmt.Errorf("--exclude %s: %v", g, err)
		}
	}
	l.defaults = &Settings{Dir: string(filepath.Separator), Exclude: DefaultExclude}
	if err := l.finish(l.defaults); err != nil {
		return nil, err
	}
	return l, nil
}

// Defaults are the settings used where no configuration file applies.
func (l *Loader) Defaults() *Settings { return l.defaults }

// ForDir returns the settings that apply to the files of dir (absolute):
// those of the nearest configuration file in dir or above it.
func (l *Loader) ForDir(dir string) (*Settings, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.forDir(dir)
}

// Files are the configuration files the loader has read (absolute,
// sorted): with the overrides, all the configuration a run used.
func (l *Loader) Files() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var files []string
	for _, r := range l.byDir {
		if r.s != nil && r.s.File != "" && !slices.Contains(files, r.s.File) {
			files = append(files, r.s.File)
		}
	}
	slices.Sort(files)
	return files
}

// Listed tells the loader the entries of dir (a directory walk lists them
// anyway): when none is a configuration file, dir's own configuration is
// known to be absent without trying to open each name.
func (l *Loader) Listed(dir string, has func(name string) bool) {
	for _, name := range FileNames {
		if has(name) {
			return
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.unconfigured[dir] = true
}

func (l *Loader) forDir(dir string) (*Settings, error) {
	if r, ok := l.byDir[dir]; ok {
		return r.s, r.err
	}
	s, err := l.loadDir(dir)
	if s == nil && err == nil {
		parent := filepath.Dir(dir)
		if parent == dir {
			s = l.defaults
		} else {
			s, err = l.forDir(parent)
		}
	}
	l.byDir[dir] = loaded{s, err}
	return s, err
}

// ForFile returns the configuration for one file (absolute path).
func (l *Loader) ForFile(abs string) (*FileConfig, error) {
	s, err := l.ForDir(filepath.Dir(abs))
	if err != nil {
		return nil, err
	}
	return s.ForFile(abs), nil
}

// loadDir reads the preferred configuration file of dir; nil, nil when dir
// has none.
func (l *Loader) loadDir(dir string) (*Settings, error) {
	if l.unconfigured[dir] {
		return nil, nil
	}
	for _, name := range FileNames {
		file := filepath.Join(dir, name)
		src, err := os.ReadFile(file)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				continue
			}
			if fi, serr := os.Stat(file); serr == nil && fi.IsDir() {
				continue
			}
			return nil, &Error{File: l.display(file), Msg: err.Error()}
		}
		s, err := l.parse(file, src, name == "pyproject.toml")
		if err != nil || s != nil {
			return s, err
		}
	}
	return nil, nil
}

func (l *Loader) display(file string) string {
	if rel, err := filepath.Rel(l.ov.Cwd, file); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(file)
}

// decodeType builds the struct [tool.xylint] decodes into: the settings plus
// one field per rule, of the rule's options type, so that the TOML decoder's
// strict mode checks option tables too and reports positions.
func (l *Loader) decodeType() reflect.Type {
	strs := reflect.TypeOf([]string(nil))
	fields := []reflect.StructField{
		{Name: "Select", Type: reflect.PointerTo(strs), Tag: `toml:"select"`},
		{Name: "ExtendSelect", Type: strs, Tag: `toml:"extend-select"`},
		{Name: "Ignore", Type: strs, Tag: `toml:"ignore"`},
		{Name: "Exclude", Type: reflect.PointerTo(strs), Tag: `toml:"exclude"`},
		{Name: "ExtendExclude", Type: strs, Tag: `toml:"extend-exclude"`},
		{Name: "PerFileIgnores", Type: reflect.TypeOf(map[string][]string(nil)), Tag: `toml:"per-file-ignores"`},
		{Name: "Campaign", Type: campaignType(), Tag: `toml:"campaign"`},
		{Name: "FailOn", Type: reflect.TypeOf((*lint.FailOn)(nil)), Tag: `toml:"fail-on"`},
		{Name: "ImportableModules", Type: strs, Tag: `toml:"importable-modules"`},
		{Name: "Roles", Type: reflect.TypeOf(map[string]string(nil)), Tag: `toml:"roles"`},
	}
	for i, r := range l.reg.Rules {
		t := reflect.TypeOf(&struct{}{})
		if r.Options != nil {
			t = reflect.TypeOf(r.Options.New())
		}
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("Rule%d", i),
			Type: t,
			Tag:  reflect.StructTag(fmt.Sprintf(`toml:%q`, r.Name)),
		})
	}
	return reflect.StructOf(fields)
}

const settingsFields = 10 // fields of decodeType before the rules'

// NewCampaigns, when set (the migrate package sets it), returns a new value
// for the `campaign` table to decode into: a pointer to a map from campaign
// name to the campaign's settings struct, so that a campaign's keys are
// checked as strictly as a rule's options, with file, line and key in the
// error. Unset, campaign tables are accepted as they are.
var NewCampaigns func() any

func campaignType() reflect.Type {
	if NewCampaigns != nil {
		return reflect.TypeOf(NewCampaigns())
	}
	return reflect.TypeOf(map[string]map[string]any(nil))
}

var typeErr = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)$`)

// parse decodes one configuration file. For pyproject.toml it returns nil,
// nil when the file has no [tool.xylint] table.
func (l *Loader) parse(file string, src []byte, pyproject bool) (*Settings, error) {
	xy := reflect.New(l.xyType)
	for i, r := range l.reg.Rules {
		if r.Options != nil {
			xy.Elem().Field(settingsFields + i).Set(reflect.ValueOf(r.Options.New()))
		}
	}
	var target any = xy.Interface()
	var prefix []string
	var doc reflect.Value
	if pyproject {
		prefix = []string{"tool", "xylint"}
		docType := reflect.StructOf([]reflect.StructField{{
			Name: "Tool", Tag: `toml:"tool"`,
			Type: reflect.StructOf([]reflect.StructField{{Name: "Xylint", Type: xy.Type(), Tag: `toml:"xylint"`}}),
		}})
		doc = reflect.New(docType)
		doc.Elem().Field(0).Field(0).Set(xy)
		target = doc.Interface()
	}
	dec := toml.NewDecoder(bytes.NewReader(src))
	dec.DisallowUnknownFields()
	err := dec.Decode(target)
	disp := l.display(file)
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		var errs []error
		for _, e := range strict.Errors {
			key := []string(e.Key())
			if !hasPrefix(key, prefix) {
				continue // another tool's table in pyproject.toml
			}
			line, col := e.Position()
			errs = append(errs, &Error{File: disp, Line: line, Col: col, Key: dotted(key), Msg: l.unknownKeyMsg(key[len(prefix):])})
		}
		if len(errs) > 0 {
			return nil, errors.Join(errs...)
		}
	case errors.As(err, &de):
		key := []string(de.Key())
		if pyproject && !hasPrefix(key, prefix) && !bytes.Contains(src, []byte("xylint")) {
			return nil, nil // someone else's broken pyproject.toml is not ours to report
		}
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		if m := typeErr.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("expected %s, found a TOML %s", friendlyType(m[2]), m[1])
		}
		return nil, &Error{File: disp, Line: line, Col: col, Key: dotted(key), Msg: msg}
	case err != nil:
		return nil, &Error{File: disp, Msg: err.Error()}
	}
	if pyproject && !hasTable(src, prefix) {
		return nil, nil
	}
	v := xy.Elem()
	s := &Settings{File: file, Dir: filepath.Dir(file), options: map[*lint.Rule]any{}}
	if p := v.Field(0).Interface().(*[]string); p != nil {
		s.Select, s.explicit = *p, true
	}
	s.ExtendSelect = v.Field(1).Interface().([]string)
	s.Ignore = v.Field(2).Interface().([]string)
	s.Exclude = DefaultExclude
	if p := v.Field(3).Interface().(*[]string); p != nil {
		s.Exclude = *p
	}
	s.ExtendExclude = v.Field(4).Interface().([]string)
	pfi := v.Field(5).Interface().(map[string][]string)
	if c := v.Field(6); !c.IsZero() {
		s.Campaigns = c.Interface()
	}
	if p := v.Field(7).Interface().(*lint.FailOn); p != nil {
		s.FailOn = *p
	}
	s.ImportableModules = v.Field(8).Interface().([]string)
	roles := v.Field(9).Interface().(map[string]string)
	for _, g := range slices.Sorted(maps.Keys(roles)) {
		s.Roles = append(s.Roles, RoleGlob{Glob: g, Role: roles[g]})
	}
	globs := make([]string, 0, len(pfi))
	for g := range pfi {
		globs = append(globs, g)
	}
	sort.Strings(globs)
	for _, g := range globs {
		s.PerFileIgnores = append(s.PerFileIgnores, PerFileIgnore{Glob: g, Selectors: pfi[g]})
	}
	for i, r := range l.reg.Rules {
		if r.Options != nil {
			s.options[r] = v.Field(settingsFields + i).Interface()
		}
	}
	if err := l.validate(s, src, prefix, disp); err != nil {
		return nil, err
	}
	return s, l.finish(s)
}

func (l *Loader) unknownKeyMsg(key []string) string {
	if len(key) == 1 {
		return "unknown key (settings are select, extend-select, ignore, exclude, extend-exclude, per-file-ignores, fail-on, importable-modules, roles, campaign; rule options go in a table named after the rule, e.g. [print-call])"
	}
	if key[0] == "campaign" {
		return "unknown campaign setting (see `xylint migrate --help` and docs/migrate.md)"
	}
	if r := l.reg.Lookup(key[0]); r != nil {
		if r.Options == nil {
			return fmt.Sprintf("rule %s has no options", r.ID())
		}
		return fmt.Sprintf("unknown option for rule %s (see `xylint rules %s`)", r.ID(), r.Code)
	}
	return "unknown key"
}

func friendlyType(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "an array of " + friendlyType(t[2:]) + "s"
	case t == "string":
		return "string"
	case t == "bool":
		return "boolean"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
		return "integer"
	case strings.HasPrefix(t, "float"):
		return "float"
	case strings.HasPrefix(t, "map["):
		return "table"
	}
	return t
}

// validate checks what the decoder cannot: that selectors name rules, that
// globs parse, and the rules' options, which it compiles (Rule.Options).
func (l *Loader) validate(s *Settings, src []byte, prefix []string, disp string) error {
	var errs []error
	at := func(key []string, elem, msg string) {
		full := append(append([]string(nil), prefix...), key...)
		line, col := locate(src, full, elem)
		errs = append(errs, &Error{File: disp, Line: line, Col: col, Key: dotted(full), Msg: msg})
	}
	for _, f := range []struct {
		key  string
		sels []string
	}{{"select", s.Select}, {"extend-select", s.ExtendSelect}, {"ignore", s.Ignore}} {
		for _, sel := range f.sels {
			if err := l.checkSelector(sel); err != nil {
				at([]string{f.key}, sel, err.Error())
			}
		}
	}
	for _, f := range []struct {
		key   string
		globs []string
	}{{"exclude", s.Exclude}, {"extend-exclude", s.ExtendExclude}} {
		for _, g := range f.globs {
			if err := checkGlob(g); err != nil {
				at([]string{f.key}, g, err.Error())
			}
		}
	}
	for _, m := range s.ImportableModules {
		if !pyident.IsDotted(m) {
			at([]string{"importable-modules"}, m, fmt.Sprintf("%q is not a dotted module name (such as \"shared\" or \"google.cloud\")", m))
		}
	}
	for i := range s.PerFileIgnores {
		p := &s.PerFileIgnores[i]
		if err := checkGlob(p.Glob); err != nil {
			at([]string{"per-file-ignores", p.Glob}, "", err.Error())
		}
		p.pattern, _ = walk.ParsePattern(p.Glob)
		for _, sel := range p.Selectors {
			if err := l.checkSelector(sel); err != nil {
				at([]string{"per-file-ignores", p.Glob}, sel, err.Error())
			}
		}
	}
	for i := range s.Roles {
		rg := &s.Roles[i]
		if err := checkGlob(rg.Glob); err != nil {
			at([]string{"roles", rg.Glob}, "", err.Error())
		}
		rg.pattern, _ = walk.ParsePattern(rg.Glob)
		if _, ok := roles.Parse(rg.Role); !ok {
			at([]string{"roles", rg.Glob}, rg.Role, fmt.Sprintf("%q is not a role (roles are %s)", rg.Role, strings.Join(roles.Names, ", ")))
		}
	}
	s.compiled = map[*lint.Rule]any{}
	for _, r := range l.reg.Rules {
		if r.Options == nil {
			continue
		}
		c, err := r.Options.Compile(s.options[r])
		if err != nil {
			at([]string{r.Name}, "", err.Error())
			continue
		}
		s.compiled[r] = c
	}

	return errors.Join(errs...)
}

func (l *Loader) checkSelector(sel string) error {
	s := strings.TrimSpace(sel)
	if s == "" {
		return errors.New("empty rule selector")
	}
	if strings.EqualFold(s, "ALL") {
		return nil
	}
	for _, r := range l.reg.Rules {
		if r.Matches(s) {
			return nil
		}
	}
	return fmt.Errorf("%q matches no rule (run `xylint rules` for the list)", sel)
}

func checkGlob(g string) error {
	p, ok := walk.ParsePattern(g)
	if !ok {
		return fmt.Errorf("%q is not a glob", g)
	}
	if p.Negate {
		return fmt.Errorf("%q: negated globs are not supported here", g)
	}
	if _, err := filepath.Match(strings.ReplaceAll(strings.ReplaceAll(g, "[!", "[^"), "**", "*"), ""); err != nil {
		return fmt.Errorf("%q: %v", g, err)
	}
	return nil
}

// finish computes what the settings imply: the exclude patterns and the
// rules enabled before per-file-ignores.
func (l *Loader) finish(s *Settings) error {
	s.reg, s.ov = l.reg, &l.ov
	if l.ov.FailOn != nil {
		s.FailOn = *l.ov.FailOn
	}
	if s.options == nil {
		s.options = map[*lint.Rule]any{}
	}
	if s.compiled == nil {
		s.compiled = map[*lint.Rule]any{}
	}
	for _, r := range l.reg.Rules {
		if _, ok := s.options[r]; !ok && r.Options != nil {
			s.options[r] = r.Options.New()
		}
		if _, ok := s.compiled[r]; !ok && r.Options != nil {
			c, err := r.Options.Compile(s.options[r])
			if err != nil {
				return fmt.Errorf("the default options of %s: %w", r.ID(), err)
			}
			s.compiled[r] = c
		}
	}
	s.exclude = walk.CompilePatterns(s.Dir, append(slices.Clone(s.Exclude), s.ExtendExclude...))
	s.cliExcl = walk.CompilePatterns(l.ov.Cwd, l.ov.Exclude)
	s.enabled = nil
	for _, r := range l.reg.Rules {
		if s.selected(r) {
			s.enabled = append(s.enabled, r)
		}
	}
	return nil
}

// specificity of a selector for a rule: -1 when it does not select it, 0
// for ALL, the prefix length for a code prefix, 100 for the exact code or
// name, so that `select = ["XY"]` + `ignore = ["XY005"]` disables XY005 and
// `select = ["XY005"]` + `ignore = ["XY"]` keeps it.
func specificity(sel string, r *lint.Rule, optIn bool) int {
	s := strings.TrimSpace(sel)
	switch {
	case strings.EqualFold(s, r.Code) || strings.EqualFold(s, r.Name):
		return 100
	case optIn:
		return -1
	case strings.EqualFold(s, "ALL"):
		return 0
	case r.Matches(s):
		return len(s)
	}
	return -1
}

func best(sels []string, r *lint.Rule, optIn bool) int {
	b := -1
	for _, s := range sels {
		b = max(b, specificity(s, r, optIn))
	}
	return b
}

func (s *Settings) selected(r *lint.Rule) bool {
	optIn := slices.Contains(s.reg.OptIn, r)
	sel := []string{"ALL"}
	switch {
	case len(s.ov.Select) > 0:
		sel = s.ov.Select
	case s.explicit:
		sel = s.Select
	}
	sel = append(append(slices.Clone(sel), s.ExtendSelect...), s.ov.ExtendSelect...)
	if b := best(sel, r, optIn); b < 0 || b <= best(s.Ignore, r, false) {
		return false
	}
	return best(s.ov.Ignore, r, false) < 0
}

// Excluded reports whether a path met while walking is excluded by
// exclude, extend-exclude or --exclude.
func (s *Settings) Excluded(abs string, isDir bool) bool {
	if ex, _ := s.exclude.Match(abs, isDir); ex {
		return true
	}
	ex, _ := s.cliExcl.Match(abs, isDir)
	return ex
}

// Options returns the options of rule r in these settings, compiled
// (Rule.Options.Compile: the rule's code reads them typed with its
// ruleopts.Spec), or nil when the rule has none.
func (s *Settings) Options(r *lint.Rule) any { return s.compiled[r] }

// OptionsKey is r's options as the configuration decoded them, as one
// string: settings whose keys for r are equal have the same compiled
// options for r (compiling reads nothing else), so one analyzer built with
// either serves both.
func (s *Settings) OptionsKey(r *lint.Rule) string {
	opts := s.options[r]
	if opts == nil {
		return ""
	}
	if j, err := json.Marshal(opts); err == nil {
		return string(j)
	}
	return fmt.Sprintf("%#v", opts)
}

// FileConfig is the configuration of one file.
type FileConfig struct {
	Settings *Settings
	// Rules are the rules enabled for the file, in registry order, after
	// per-file-ignores.
	Rules []*lint.Rule
	// toolIgnores gives the codes the project's Ruff or flake8
	// configuration turns off for the file (pystyle.IgnoredCodes), looked
	// up the first time a finding asks (IgnoredByTools): reading those
	// configurations for every file of a run, serially before its files
	// are analysed, was a tenth of its start.
	toolIgnores func() []string
}

// Enabled reports whether r runs on the file.
func (fc *FileConfig) Enabled(r *lint.Rule) bool { return slices.Contains(fc.Rules, r) }

// IgnoredByTools reports whether the project's own Ruff or flake8
// configuration turns r's AllowedBy code off for the file (T201 for
// print-call: `per-file-ignores = {"scripts/*" = ["T201"]}`, an `ignore`
// with "T20"): the project allows what r reports there, and r's findings in
// the file are dropped, as Ruff drops its own. The rule still runs, so what
// the file tells the project phase (its entry points) stays. A code
// matches the one it is a prefix of ("T20" → T201), "ALL" any. Python
// files only: Ruff's configuration says nothing of Go code.
func (fc *FileConfig) IgnoredByTools(r *lint.Rule) bool {
	if r.AllowedBy == "" {
		return false
	}
	if fc.toolIgnores == nil {
		return false
	}
	for _, c := range fc.toolIgnores() {
		if c == "ALL" || strings.HasPrefix(r.AllowedBy, c) {
			return true
		}
	}
	return false
}

// Fails reports whether a finding of level sev in the file fails the run.
func (fc *FileConfig) Fails(sev lint.Severity) bool { return fc.Settings.FailOn.Fails(sev) }

// Options are r's options for the file (nil when the rule has none).
func (fc *FileConfig) Options(r *lint.Rule) any { return fc.Settings.Options(r) }

// RulesKey is what of the file's configuration reaches its rules'
// analysis, hashed for a cache's key: the enabled rules (after
// per-file-ignores and the command line's selection), every rule's options
// as decoded, and the directory the options' globs are relative to. What
// acts after the analysis (fail-on, excludes, importable-modules) is not
// in it. It is computed once per configuration for the files without
// per-file-ignores.
func (fc *FileConfig) RulesKey() [32]byte {
	s := fc.Settings
	if len(fc.Rules) == len(s.enabled) && (len(s.enabled) == 0 || &fc.Rules[0] == &s.enabled[0]) {
		s.keyOnce.Do(func() { s.enabledKey = rulesKey(s.enabled, s.optionsKey()) })
		return s.enabledKey
	}
	return rulesKey(fc.Rules, s.optionsKey())
}

func rulesKey(rules []*lint.Rule, options []byte) [32]byte {
	h := sha256.New()
	for _, r := range rules {
		h.Write([]byte(r.Code + ","))
	}
	h.Write([]byte{0})
	h.Write(options)
	var k [32]byte
	h.Sum(k[:0])
	return k
}

// optionsKey is the settings' part of RulesKey, computed once.
func (s *Settings) optionsKey() []byte {
	s.optionsOnce.Do(func() {
		var b bytes.Buffer
		b.WriteString(s.Dir)
		rules := slices.SortedFunc(maps.Keys(s.options), func(a, b *lint.Rule) int { return strings.Compare(a.Code, b.Code) })
		for _, r := range rules {
			opts := s.options[r]
			if opts == nil {
				continue
			}
			b.WriteString("\x00" + r.Code + "=")
			if j, err := json.Marshal(opts); err == nil {
				b.Write(j)
			} else {
				fmt.Fprintf(&b, "%#v", opts)
			}
		}
		s.rulesKey = b.Bytes()
	})
	return s.rulesKey
}

// ForFile applies per-file-ignores to the settings' enabled rules. A glob
// without a slash matches the file's name or any directory above it; a glob
// with one is matched against the path relative to the configuration's
// directory (and also matches everything below a matching directory).
func (s *Settings) ForFile(abs string) *FileConfig {
	fc := &FileConfig{Settings: s, Rules: s.enabled}
	if strings.HasSuffix(abs, ".py") || strings.HasSuffix(abs, ".pyi") {
		fc.toolIgnores = sync.OnceValue(func() []string { return pystyle.IgnoredCodes(abs) })
	}
	if len(s.PerFileIgnores) == 0 {
		return fc
	}
	rel, err := filepath.Rel(s.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return fc
	}
	rel = filepath.ToSlash(rel)
	var ignore []string
	for _, p := range s.PerFileIgnores {
		if matchesFileOrParent(p.pattern, rel) {
			ignore = append(ignore, p.Selectors...)
		}
	}
	if len(ignore) == 0 {
		return fc
	}
	fc.Rules = nil
	for _, r := range s.enabled {
		if best(ignore, r, false) < 0 {
			fc.Rules = append(fc.Rules, r)
		}
	}
	return fc
}

// RoleOf is the role the roles table gives the file at abs, or "" when
// none of its globs matches (globs match as per-file-ignores' do; the
// longest matching glob wins, then the last in order).
func (s *Settings) RoleOf(abs string) string {
	if len(s.Roles) == 0 {
		return ""
	}
	rel, err := filepath.Rel(s.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	rel = filepath.ToSlash(rel)
	role, best := "", -1
	for _, rg := range s.Roles {
		if len(rg.Glob) >= best && matchesFileOrParent(rg.pattern, rel) {
			role, best = rg.Role, len(rg.Glob)
		}
	}
	return role
}

func matchesFileOrParent(p walk.Pattern, rel string) bool {
	if p.Match(rel, false) {
		return true
	}
	for d := filepath.ToSlash(filepath.Dir(rel)); d != "." && d != "/"; d = filepath.ToSlash(filepath.Dir(d)) {
		if p.Match(d, true) {
			return true
		}
	}
	return false
}

// LookupSuppression resolves a code, name or alias (Ruff's T201) named in a
// suppression comment.
func (r *Registry) LookupSuppression(s string) *lint.Rule {
	for _, rule := range r.Rules {
		if rule.MatchesSuppression(s) {
			return rule
		}
	}
	return nil
}
