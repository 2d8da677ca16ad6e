// Package goproducer runs the Go analyzers for the driver: it groups the
// .go files by their Go module (the nearest go.mod above each), loads and
// analyses the packages of each module's files once (internal/golang, one
// go/packages load per module), and maps the results back to the files as
// the driver named them.
//
// # What is analysed
//
// The packages' non-test files, as the go command builds them: _test.go
// files, and files in the directories the go command ignores (vendor/,
// testdata/, names starting with "_" or ".") are left out of a directory
// walk, and a file named explicitly gets a notice (Skip). Files a build
// constraint excludes, files outside any module, and the files of a module
// whose go.mod is a cookiecutter or Jinja template (`module
// {{cookiecutter.module_path}}`) get a notice too.
// Generated files are loaded but the analyzers report nothing in them.
//
// # Configuration
//
// Rules are enabled per file, as for Python: each module runs the union of
// the rules its files enable, and a finding in a file whose configuration
// disables its rule (select, ignore, per-file-ignores) is dropped. Options
// are per package directory, by the rule Python files follow: the nearest
// configuration file at or above the directory governs it, whole (a nested
// configuration without a rule's table gives that rule its defaults, not
// the outer file's). A module is loaded once; internal/golang builds each
// rule's analyzer once per distinct options and runs the analyzers every
// package shares in one checker pass (a module without nested
// configurations: one pass, as before), the others per group of packages
// with equal options.
package goproducer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"go/parser"
	"go/token"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/golang"
	"github.com/xynergy/xylint/internal/lint"
)

// Producer analyses .go files with Analyzers (the registry's Go sides, in
// code order) through internal/golang.
type Producer struct {
	Analyzers []goanalysis.Rule

	mu      sync.Mutex
	modRoot map[string]string // directory → its module's root, "" outside any module
	tmpl    map[string]bool   // module root → its go.mod is a template

	// The last Analyze's programs, for AnalyzeSource.
	programs map[string]*golang.Program // by input path
}

func (p *Producer) Extensions() []string { return []string{".go"} }

// Skip says why a .go file is not one the Go analyzers check
// (driver.FileSkipper): a test file, or a file in a directory the go
// command ignores within its module.
func (p *Producer) Skip(abs string) string {
	if strings.HasSuffix(abs, "_test.go") {
		return "Go test file (xylint checks the packages' non-test files)"
	}
	root := p.moduleRoot(filepath.Dir(abs))
	if root == "" {
		return ""
	}
	rel, err := filepath.Rel(root, filepath.Dir(abs))
	if err != nil || rel == "." {
		return ""
	}
	for _, dir := range strings.Split(filepath.ToSlash(rel), "/") {
		switch {
		case dir == "vendor":
			return "in a vendor directory (third-party code; the go command's ./... leaves it out too)"
		case dir == "testdata", strings.HasPrefix(dir, "_"), strings.HasPrefix(dir, "."):
			return "in " + dir + "/, which the go command ignores: not a package of the module"
		}
	}
	return ""
}

// templateModule is why the files of a module whose go.mod is a Jinja or
// cookiecutter template are skipped: the go command cannot load it, and
// the project it generates is checked where it is generated.
const templateModule = "template (its go.mod is a Jinja or cookiecutter template, such as module {{cookiecutter.module_path}})"

// templateModule reports whether the go.mod in root has template markers
// ({{ or {%}), read once per root.
func (p *Producer) templateModule(root string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if t, ok := p.tmpl[root]; ok {
		return t
	}
	if p.tmpl == nil {
		p.tmpl = map[string]bool{}
	}
	b, err := os.ReadFile(filepath.Join(root, "go.mod"))
	t := err == nil && (bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("{%")))
	p.tmpl[root] = t
	return t
}

// moduleRoot returns the directory of the nearest go.mod at or above dir
// (absolute), or "".
func (p *Producer) moduleRoot(dir string) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.modRoot == nil {
		p.modRoot = map[string]string{}
	}
	var walked []string
	root := ""
	for d := dir; ; {
		if r, ok := p.modRoot[d]; ok {
			root = r
			break
		}
		walked = append(walked, d)
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range walked {
		p.modRoot[d] = root
	}
	return root
}

// module is the files of one Go module.
type module struct {
	root   string
	inputs []int // indexes into Analyze's files
}

func (p *Producer) Analyze(ctx context.Context, files []driver.Input, jobs int) ([]*lint.FileResult, error) {
	// The files the run reports on load their packages, which are their
	// context: the project's other files are not needed.
	files = slices.DeleteFunc(slices.Clone(files), func(in driver.Input) bool { return in.Context })
	results := make([]*lint.FileResult, len(files))
	byRoot := map[string]*module{}
	var mods []*module
	for i, in := range files {
		if why := p.Skip(in.Abs); why != "" {
			results[i] = &lint.FileResult{Path: in.Path, Language: lint.Go, Skipped: why}
			continue
		}
		root := p.moduleRoot(filepath.Dir(in.Abs))
		if root == "" {
			results[i] = &lint.FileResult{Path: in.Path, Language: lint.Go,
				Skipped: "not in a Go module (no go.mod in its directory or above it): Go files are analysed with their module"}
			continue
		}
		if p.templateModule(root) {
			results[i] = &lint.FileResult{Path: in.Path, Language: lint.Go, Skipped: templateModule}
			continue
		}
		m := byRoot[root]
		if m == nil {
			m = &module{root: root}
			byRoot[root] = m
			mods = append(mods, m)
		}
		m.inputs = append(m.inputs, i)
	}

	programs := map[string]*golang.Program{}
	var errs []error
	var mu sync.Mutex
	driver.Parallel(ctx, len(mods), jobs, func(k int) {
		m := mods[k]
		prog, err := p.analyzeModule(ctx, m, files, results)
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			errs = append(errs, err)
		}
		// A program holds the module's syntax and types: keep it only
		// where `xylint fix` may ask for another round.
		if prog != nil && hasFix(m, results) {
			for _, i := range m.inputs {
				if prog.Has(files[i].Abs) {
					programs[files[i].Path] = prog
				}
			}
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	p.mu.Lock()
	p.programs = programs
	p.mu.Unlock()

	out := results[:0]
	for _, r := range results {
		if r != nil { // a module that could not be loaded at all
			out = append(out, r)
		}
	}
	return out, errors.Join(errs...)
}

// displayPath names the file abs as the user named in: relative to the
// directory in.Path is in, not as an absolute path (which would show the
// machine's layout in a CI log or a SARIF notification).
func displayPath(in driver.Input, abs string) string {
	rel, err := filepath.Rel(filepath.Dir(in.Abs), abs)
	if err != nil {
		return abs
	}
	return path.Join(path.Dir(in.Path), filepath.ToSlash(rel))
}

// goCommandError is what the go command said, without go/packages' "err:
// exit status 1: stderr:" wrapping, on one line, with the module root's
// absolute path written as the user named it (root is the module's root,
// shown is how the user sees it: "svc", or "." ).
func goCommandError(err error, root, shown string) string {
	msg := err.Error()
	if i := strings.Index(msg, "stderr: "); i >= 0 {
		msg = msg[i+len("stderr: "):]
	}
	prefix := ""
	if shown != "." {
		prefix = shown + "/"
	}
	msg = strings.ReplaceAll(msg, root+string(filepath.Separator), prefix)
	return strings.Join(strings.Fields(msg), " ")
}

// hasFix reports whether a result of m's files has a diagnostic with a fix.
func hasFix(m *module, results []*lint.FileResult) bool {
	for _, i := range m.inputs {
		if r := results[i]; r != nil {
			for _, d := range r.Diagnostics {
				if d.Fix != nil && len(d.Fix.Edits) > 0 {
					return true
				}
			}
		}
	}
	return false
}

// analyzeModule loads and analyses the packages of m's files and fills
// their results.
func (p *Producer) analyzeModule(ctx context.Context, m *module, files []driver.Input, results []*lint.FileResult) (_ *golang.Program, err error) {
	var enabled []*lint.Rule
	dirs := map[string]bool{}
	hasMain := false
	usesCgo := map[int]bool{}
	var live []int
	for _, i := range m.inputs {
		in := files[i]
		// The analysis reads the files itself; reading them here applies
		// the size limit and tells main packages apart.
		src, err := in.Read()
		if err != nil {
			r := &lint.FileResult{Path: in.Path, Language: lint.Go}
			if errors.Is(err, driver.ErrTooLarge) {
				r.Skipped = err.Error()
			} else {
				r.Err = err
			}
			results[i] = r
			continue
		}
		live = append(live, i)
		name, cgo := packageClause(src)
		hasMain = hasMain || name == "main"
		if cgo {
			usesCgo[i] = true
		}
		dirs[filepath.Dir(in.Abs)] = true
		for _, r := range in.Config.Rules {
			if !slices.Contains(enabled, r) {
				enabled = append(enabled, r)
			}
		}
	}
	if len(live) == 0 {
		return nil, nil
	}
	patterns := packagePatterns(m.root, dirs)
	rules := p.enabled(enabled)
	if hasMain && usesFacts(rules) {
		// missing-shutdown follows a main package's calls into the
		// module's other packages with facts, which flow only between
		// packages analysed from source: all of the module's.
		patterns = append(patterns, "./...")
	}
	optionsFor := packageSettings(m.root, files, live)
	var overlay map[string][]byte
	if snap := files[live[0]].Snapshot; snap != nil {
		if overlay, err = snapshotOverlay(snap, m.root); err != nil {
			return nil, err
		}
	}
	prog, res, err := golang.LoadOverlay(ctx, m.root, patterns, rules, optionsFor, overlay)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		// The go command failed for the whole module (a go.mod it cannot
		// read, a go.work that does not list the module): one error, on
		// the module's first file; its other files have no result.
		in := files[live[0]]
		gomod := displayPath(in, filepath.Join(m.root, "go.mod"))
		results[live[0]] = &lint.FileResult{Path: in.Path, Language: lint.Go,
			Err: fmt.Errorf("its Go module (%s) could not be loaded, none of its files was checked: %s", gomod, goCommandError(err, m.root, path.Dir(gomod)))}
		return nil, nil
	}
	byAbs := make(map[string]*lint.FileResult, len(res))
	for _, r := range res {
		byAbs[filepath.Join(m.root, filepath.FromSlash(r.Path))] = r
	}
	for _, i := range live {
		in := files[i]
		r := byAbs[filepath.Clean(in.Abs)]
		if r == nil && prog.Unloaded(filepath.Clean(in.Abs)) {
			continue // its package could not be loaded: one error, on its first file
		}
		if r == nil {
			why := "not built on this platform (a build constraint such as //go:build ignore excludes it)"
			if usesCgo[i] {
				// The go command compiles a cgo file's translation, not the
				// file itself, and positions in it are not the file's.
				why = `uses cgo (import "C"): xylint's Go analysis does not cover cgo files`
			}
			results[i] = &lint.FileResult{Path: in.Path, Language: lint.Go, Skipped: why}
			continue
		}
		results[i] = forInput(r, in)
	}
	return prog, nil
}

// AnalyzeSource analyses src as the content of in, a file of the last
// Analyze (driver.SourceAnalyzer, for the rounds of `xylint fix`): its
// package is type-checked again in memory with src and analysed; the
// other packages are those of the load. The result counts type errors
// as syntax errors, so a fix whose result would not compile is rejected.
func (p *Producer) AnalyzeSource(in driver.Input, src []byte) *lint.FileResult {
	p.mu.Lock()
	prog := p.programs[in.Path]
	p.mu.Unlock()
	if prog == nil {
		return &lint.FileResult{Path: in.Path, Language: lint.Go,
			Err: fmt.Errorf("%s: its Go package was not analysed (it does not build, or the file is not part of it)", in.Path)}
	}
	r, err := prog.AnalyzeSource(in.Abs, src)
	if err != nil {
		return &lint.FileResult{Path: in.Path, Language: lint.Go, Err: err}
	}
	return forInput(r, in)
}

// forInput renames r as the driver named the file and keeps the
// diagnostics of the rules its configuration enables.
func forInput(r *lint.FileResult, in driver.Input) *lint.FileResult {
	r.Path = in.Path
	kept := r.Diagnostics[:0]
	for _, d := range r.Diagnostics {
		if in.Config != nil && !in.Config.Enabled(d.Rule) {
			continue
		}
		d.Path = in.Path
		kept = append(kept, d)
	}
	r.Diagnostics = kept
	return r
}

// packagePatterns are the go list patterns of the package directories
// dirs, relative to the module root ("." for the root, "./svc" below it).
func packagePatterns(root string, dirs map[string]bool) []string {
	var out []string
	for d := range dirs {
		rel, err := filepath.Rel(root, d)
		if err != nil {
			continue
		}
		if rel == "." {
			out = append(out, ".")
		} else {
			out = append(out, "./"+filepath.ToSlash(rel))
		}
	}
	sort.Strings(out)
	return out
}

// packageClause returns a Go file's package name and whether it imports
// "C" (cgo), reading no further than its imports.
func packageClause(src []byte) (name string, cgo bool) {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return "", false
	}
	for _, spec := range f.Imports {
		cgo = cgo || spec.Path.Value == `"C"`
	}
	return f.Name.Name, cgo
}

// enabled are the producer's analyzers of the rules enabled, in the
// producer's order.
func (p *Producer) enabled(rules []*lint.Rule) []goanalysis.Rule {
	var out []goanalysis.Rule
	for _, g := range p.Analyzers {
		if slices.Contains(rules, g.Rule) {
			out = append(out, g)
		}
	}
	return out
}

func usesFacts(rules []goanalysis.Rule) bool {
	for _, g := range rules {
		if len(g.Analyzer.FactTypes) > 0 {
			return true
		}
	}
	return false
}

// packageSettings returns the options of the packages of a directory of
// the module at root: the configuration that governs the directory
// (Input.DirSettings, the loader's nearest-file rule), looked up once per
// directory. A directory whose configuration does not load (its files are
// not checked: the driver reports the error; its packages are loaded only
// as the context of others) gets the root's. Without DirSettings (inputs
// not made by driver.Run): the configuration of an input file in the
// directory, else the root's.
func packageSettings(root string, files []driver.Input, live []int) func(dir string) golang.OptionSet {
	rootS := rootSettings(root, files, live)
	ds := files[live[0]].DirSettings
	byDir := map[string]*config.Settings{}
	if ds == nil {
		for _, i := range live {
			if c := files[i].Config; c != nil {
				byDir[filepath.Dir(filepath.Clean(files[i].Abs))] = c.Settings
			}
		}
	}
	var mu sync.Mutex
	return func(dir string) golang.OptionSet {
		mu.Lock()
		defer mu.Unlock()
		if s, ok := byDir[dir]; ok {
			return s
		}
		s := rootS
		if ds != nil {
			if d, err := ds(dir); err == nil {
				s = d
			}
			byDir[dir] = s
		}
		return s
	}
}

// rootSettings returns the configuration that governs the module root.
// Without Input.DirSettings (inputs not made by driver.Run): that of a file
// of the module whose configuration file is at or above the root (no
// configuration lies between that file and the root, so the root has the
// same), else the outermost of the files' configurations.
func rootSettings(root string, files []driver.Input, idx []int) *config.Settings {
	if ds := files[idx[0]].DirSettings; ds != nil {
		if s, err := ds(root); err == nil {
			return s
		}
		// A configuration above the files that does not parse is reported
		// by the driver for the directories it governs.
	}
	var best *config.Settings
	for _, i := range idx {
		s := files[i].Config.Settings
		if within(root, s.Dir) {
			return s
		}
		if best == nil || len(s.Dir) < len(best.Dir) {
			best = s
		}
	}
	return best
}

// within reports whether dir is dir or below ancestor.
func within(dir, ancestor string) bool {
	rel, err := filepath.Rel(ancestor, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ignoredFile is the overlay of a work tree's Go file that a snapshot
// does not have: a build constraint leaves it out of its package.
var ignoredFile = []byte("//go:build ignore\n\npackage ignored\n")

// snapshotOverlay is the go/packages overlay that makes the module at
// root look as it does in snap: its .go files that changed since with
// their contents there, and the .go files of the work tree that snap does
// not have left out. A
// go.mod that changed since is read from disk (the go command does not
// take go.mod from an overlay).
func snapshotOverlay(snap driver.Snapshot, root string) (map[string][]byte, error) {
	overlay := map[string][]byte{}
	inSnap := map[string]bool{}
	for _, abs := range snap.Files() {
		if !strings.HasSuffix(abs, ".go") || strings.HasSuffix(abs, "_test.go") || !strings.HasPrefix(abs, root+string(filepath.Separator)) {
			continue
		}
		inSnap[abs] = true
		if snap.Same(abs) {
			continue // the file on disk is the snapshot's
		}
		b, err := snap.Read(abs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", abs, err)
		}
		overlay[abs] = b
	}
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if p != root && (name == "vendor" || name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			if p != root {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir // another module
				}
			}
			return nil
		}
		if strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go") {
			if !inSnap[p] {
				overlay[p] = ignoredFile
			}
		}
		return nil
	})
	return overlay, err
}
