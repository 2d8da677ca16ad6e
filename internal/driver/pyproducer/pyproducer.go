// Package pyproducer runs the Python rules for the driver: it reads each
// file, runs the enabled analyzers on it in parallel (one parse per file),
// then the rules' project-wide phase over the facts the file passes
// exported.
package pyproducer

import (
	"context"
	"errors"
	"hash/maphash"
	"os"
	"path/filepath"
	"slices"

	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pystyle"
	"github.com/xynergy/xylint/internal/suppress"
)

// Producer analyses .py and .pyi files with Analyzers.
type Producer struct {
	Analyzers []*pyanalysis.Analyzer

	mods *modules.Index // of the last Analyze, for AnalyzeSource
	// The last Analyze's file facts and inputs, for AnalyzeSource to run
	// the project phase again with one file's new facts.
	facts  []*pyanalysis.FileFacts
	byPath map[string]int
	inputs map[string]driver.Input
	// reported holds, by path, the analyzers whose project phase reported
	// into the file in the last Analyze: the ones AnalyzeSource runs again.
	reported map[string][]*pyanalysis.Analyzer
	// env is what the last Analyze's code can import (Importable).
	env *modules.Environment
	// cache is the run's cache (UseCache), or nil.
	cache *cacheState
	// deploy reads the deployment files for the last Analyze (one reader
	// per run: a later run sees the files as they are then).
	deploy *deploy.Reader
	// prefetched is the reader Prefetch started for the next Analyze.
	prefetched *deploy.Reader
}

// newReader is a run's reader of the deployment files, keeping its
// directory listings in the cache when there is one.
func (p *Producer) newReader() *deploy.Reader {
	r := deploy.New()
	if p.cache != nil {
		r.Listings = p.cache.listings
	}
	return r
}

// Prefetch implements driver.Prefetcher: when an enabled rule's project
// phase asks what the deployment files say (XY002's platform auth, which
// reads every deployment file of the repository), they are read while the
// driver walks the project, on the core the walk leaves idle, instead of in
// the project phase.
func (p *Producer) Prefetch(root string, enabled func(*lint.Rule) bool) {
	p.prefetched = nil
	if !slices.ContainsFunc(p.Analyzers, func(a *pyanalysis.Analyzer) bool { return a.PlatformAuth && enabled(a.Rule) }) {
		return
	}
	p.prefetched = p.newReader()
	p.prefetched.Prefetch(deploy.Root(root))
}

func (p *Producer) Extensions() []string { return []string{".py", ".pyi"} }

func (p *Producer) Analyze(ctx context.Context, files []driver.Input, jobs int) ([]*lint.FileResult, error) {
	results := make([]*lint.FileResult, len(files))
	facts := make([]*pyanalysis.FileFacts, len(files))
	// Module names and cross-file name resolution come from the layout of
	// all the files (package roots, services that are roots of their own),
	// known before any file is read.
	paths := make([]string, len(files))
	for i, in := range files {
		paths[i] = in.Path
	}
	mods := modules.New(paths)
	p.mods = mods
	p.deploy, p.prefetched = p.prefetched, nil // (Prefetch's reader is this run's)
	if p.deploy == nil {
		p.deploy = p.newReader()
	}
	var hashes []cache.Key // of the files' content, with a cache
	if p.cache != nil {
		p.cache.hits.Store(0)
		p.cache.misses.Store(0)
		hashes = make([]cache.Key, len(files))
	}
	// The source of a file its pass found nothing in is dropped until the
	// project phase reports into it (rereadSources): the sources are most
	// of what the file passes leave live, and the collector's goal grows
	// with them.
	var sums []uint64 // of the sources dropped, without a cache
	if p.cache == nil {
		sums = make([]uint64, len(files))
	}
	driver.Parallel(ctx, len(files), jobs, func(i int) {
		if p.cache != nil {
			results[i], facts[i], hashes[i] = p.analyzeCached(files[i], mods.Module(files[i].Path))
			if !keepSource(results[i]) {
				results[i].Src = nil
			}
			return
		}
		results[i], facts[i] = p.analyze(files[i], mods.Module(files[i].Path))
		if r := results[i]; !keepSource(r) {
			sums[i] = maphash.Bytes(sourceSeed, r.Src)
			r.Src = nil
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// The project phase: cross-file rules report into any file; the driver
	// drops what lands in files whose configuration disables the rule.
	byPath := make(map[string]*lint.FileResult, len(files))
	cfgByPath := make(map[string]driver.Input, len(files))
	for i, r := range results {
		byPath[r.Path] = r
		cfgByPath[files[i].Path] = files[i]
	}
	p.facts, p.inputs = facts, cfgByPath
	p.byPath = make(map[string]int, len(files))
	for i, in := range files {
		p.byPath[in.Path] = i
	}
	diags, err := pyanalysis.RunProject(facts, p.projectConfig(p.Analyzers))
	p.reported = map[string][]*pyanalysis.Analyzer{}
	for _, d := range diags {
		if r := byPath[d.Path]; r != nil {
			r.Diagnostics = append(r.Diagnostics, d)
		}
		if a := p.analyzerOf(d.Rule); a != nil && !slices.Contains(p.reported[d.Path], a) {
			p.reported[d.Path] = append(p.reported[d.Path], a)
		}
	}
	if p.cache != nil {
		p.rereadSources(files, results, func(i int, src []byte) bool { return cache.ContentHash(src) == hashes[i] })
	} else {
		p.rereadSources(files, results, func(i int, src []byte) bool { return maphash.Bytes(sourceSeed, src) == sums[i] })
	}
	p.collectImports(results)
	for i, r := range results {
		if !files[i].Context {
			p.withholdFixes(r, files[i])
		}
	}
	return results, err
}

// sourceSeed hashes the sources Analyze drops, to see that a file read
// again still holds what was analysed.
var sourceSeed = maphash.MakeSeed()

// keepSource reports whether r keeps its source through the project phase:
// when its file pass reported (the outputs show the findings with their
// lines, fixes edit it) or a comment may be a suppression directive (a
// problem with one is reported at its line). A result without a source
// (skipped, not read) has nothing to keep.
func keepSource(r *lint.FileResult) bool {
	if r == nil || r.Src == nil || len(r.Diagnostics) > 0 {
		return true
	}
	for _, c := range r.Comments {
		if suppress.MayDirect(c.Text) {
			return true
		}
	}
	return false
}

func (p *Producer) analyzerOf(r *lint.Rule) *pyanalysis.Analyzer {
	for _, a := range p.Analyzers {
		if a.Rule == r {
			return a
		}
	}
	return nil
}

func (p *Producer) analyze(in driver.Input, module string) (*lint.FileResult, *pyanalysis.FileFacts) {
	src, err := in.Read()
	if err != nil {
		return readError(in, err), nil
	}
	return p.analyzeSource(in, module, src, false)
}

func (p *Producer) projectConfig(analyzers []*pyanalysis.Analyzer) pyanalysis.ProjectConfig {
	return pyanalysis.ProjectConfig{
		Analyzers: analyzers,
		Modules:   p.mods,
		Options: func(path string, r *lint.Rule) any {
			if in, ok := p.inputs[path]; ok {
				return in.Config.Options(r)
			}
			return nil
		},
		Role: func(path string) string {
			if in, ok := p.inputs[path]; ok && in.Config != nil {
				return in.Config.Settings.RoleOf(in.Abs)
			}
			return ""
		},
		Deployment: func(path string) *deploy.Service {
			if in, ok := p.inputs[path]; ok {
				return p.deployment(in)
			}
			return nil
		},
	}
}

// AnalyzeSource analyses src as the content of in, a file of the last
// Analyze call (driver.SourceAnalyzer, for the rounds of `xylint fix`).
// The project phase runs again, over the last Analyze's facts with this
// file's replaced by those of src, for the analyzers whose project phase
// reported into this file in that Analyze, and its findings in this file
// are kept: a cross-file rule's finding (and its fix) is reproduced round
// after round as a file-level one is, so a fix that had to wait for the
// next round is not lost, and a fixed finding is seen to be gone.
//
// Analyzers that reported nothing into the file are not run again: a
// round changes only this file, with fixes, and a fix removes its finding
// without creating cross-file ones (were it to, the next `xylint fix`
// would find and fix them: the fix tests' idempotence checks see that).
// This keeps a fix round as cheap as a file pass for most files; a whole
// project phase per round of every fixed file cost `fix` twice `check`.
func (p *Producer) AnalyzeSource(in driver.Input, src []byte) *lint.FileResult {
	if p.deploy == nil {
		p.deploy = deploy.New() // without an Analyze before
	}
	module := ""
	if p.mods != nil {
		module = p.mods.Module(in.Path)
	}
	res, ff := p.analyzeSource(in, module, src, true)
	if res.Err != nil || res.Skipped != "" {
		return res
	}
	defer p.withholdFixes(res, in)
	i, ok := p.byPath[in.Path]
	if !ok {
		return res
	}
	var analyzers []*pyanalysis.Analyzer
	for _, a := range p.reported[in.Path] {
		if in.Config.Enabled(a.Rule) {
			analyzers = append(analyzers, a)
		}
	}
	if len(analyzers) == 0 {
		return res
	}
	// The other files' facts are shared read-only between the rounds of
	// files fixed in parallel; this round's list is a copy.
	facts := slices.Clone(p.facts)
	facts[i] = ff
	cfg := p.projectConfig(analyzers)
	cfg.Only = in.Path
	diags, err := pyanalysis.RunProject(facts, cfg)
	res.Diagnostics = append(res.Diagnostics, diags...)
	if err != nil {
		res.Err = errors.Join(res.Err, err)
	}
	return res
}

// analyzeSource analyses src as in's content; runtime (the fix engine's
// rounds) parses it and computes its Runtime whatever the prefilters say.
func (p *Producer) analyzeSource(in driver.Input, module string, src []byte, runtime bool) (*lint.FileResult, *pyanalysis.FileFacts) {
	var enabled []*pyanalysis.Analyzer
	for _, a := range p.Analyzers {
		if in.Config.Enabled(a.Rule) {
			enabled = append(enabled, a)
		}
	}
	cfg := pyanalysis.Config{Analyzers: enabled, Options: in.Config.Options, Module: module,
		LineLength: func() int { return lineLength(in) }, Deployment: p.deployment(in), CheckSyntax: in.Config.Enabled(lint.SyntaxError), Runtime: runtime}
	res, facts := pyanalysis.Analyze(in.Path, src, cfg)
	// Syntax errors are reported only where XY000 is enabled.
	if !in.Config.Enabled(lint.SyntaxError) {
		kept := res.Diagnostics[:0]
		for _, d := range res.Diagnostics {
			if d.Rule != lint.SyntaxError {
				kept = append(kept, d)
			}
		}
		res.Diagnostics = kept
	}
	return res, facts
}

// deployment is the deployment of the file's service (internal/deploy):
// the deployment files of its directory and of those above it up to the
// directory of the xylint configuration that governs the file, or else
// the nearest one up with a .git; nil for a file with no path on disk.
func (p *Producer) deployment(in driver.Input) *deploy.Service {
	if in.Abs == "" {
		return nil
	}
	dir := filepath.Dir(in.Abs)
	root := ""
	if in.Config != nil && in.Config.Settings != nil {
		root = in.Config.Settings.Dir
	}
	if root == "" {
		root = dir
		for d := dir; ; d = filepath.Dir(d) {
			if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
				root = d
				break
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	return p.deploy.Service(dir, root)
}

// lineLength is the line length the project's Ruff, Black or flake8
// configuration sets for the file (internal/python/pystyle): fixes wrap to
// it. It is read from the work tree, also for a snapshot's file.
func lineLength(in driver.Input) int {
	if in.Abs == "" {
		return 0
	}
	return pystyle.LineLength(filepath.Dir(in.Abs))
}
