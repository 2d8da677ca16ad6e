// Package driver runs `xylint check`: it expands the paths, finds each
// file's configuration, hands the files to the producers (one per language:
// the Python rules and the Go analyzers), applies suppressions and
// returns a sorted, deterministic result. It knows no language itself.
package driver

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xynergy/xylint/internal/cache"
	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/suppress"
	"github.com/xynergy/xylint/internal/walk"
)

// Input is one file handed to a producer.
type Input struct {
	Path string // as displayed, slash-separated
	Abs  string // absolute OS path
	// Real is Abs with every symbolic link resolved, as the walk found it
	// (within the paths given, unless the file was named): the only file a
	// fix may write.
	Real   string
	Config *config.FileConfig
	// MaxFileSize is the run's size limit (Options.MaxFileSize); Read
	// applies it.
	MaxFileSize int64
	// DirSettings returns the settings that govern a directory (absolute),
	// for producers that analyse files the run was not given (the Go
	// producer: the packages of a module it loads, each with its
	// directory's options). Nil outside Run.
	DirSettings func(dir string) (*config.Settings, error)
	// Context is true for a file of the project outside the paths the run
	// reports on: a producer whose rules look across files analyses it for
	// what it tells about the others; its findings are not reported. A
	// producer that finds its context otherwise (the Go producer loads the
	// packages) may ignore it.
	Context bool
	// Snapshot, when set, holds the file's content (a git revision's, for
	// --new-from-rev): Read returns it, and unless the snapshot says the
	// file on disk is the Same, the file at Abs — the work tree's, which
	// may differ or not exist — must not be read, nor its size and
	// modification time trusted for anything (OnDisk).
	Snapshot Snapshot
}

// Read reads the input's file with ReadSourceLimit and the run's limit, or
// its content in the run's snapshot.
func (in Input) Read() ([]byte, error) {
	if !in.OnDisk() {
		return readSnapshot(in)
	}
	return ReadSourceLimit(in.Abs, in.MaxFileSize)
}

// OnDisk reports whether what Read returns is the file at Abs, so that the
// file's size and modification time tell when it changed (a cache's stat
// check). An input whose content comes from elsewhere (a git revision's
// object) must say false: a cache then hashes what Read returns.
func (in Input) OnDisk() bool { return in.Snapshot == nil || in.Snapshot.Same(in.Abs) }

// SizeLimit is the largest file Read returns.
func (in Input) SizeLimit() int64 {
	if in.MaxFileSize <= 0 {
		return MaxFileSize
	}
	return min(in.MaxFileSize, HardMaxFileSize)
}

// A Producer analyses the files of one language.
type Producer interface {
	// Extensions are the file name endings the producer analyses (".py").
	Extensions() []string
	// Analyze returns one result per input, in any order (a file that
	// cannot be read gets a result with Err set), and an error for failures
	// that concern no single file. Results' diagnostics may be in any
	// order; suppressions are applied by the driver using the results'
	// Comments. jobs bounds the parallelism.
	Analyze(ctx context.Context, files []Input, jobs int) ([]*lint.FileResult, error)
}

// A Cacher is a Producer that keeps what it analysed in a cache
// (internal/cache) and skips the analysis of files it finds there.
type Cacher interface {
	// UseCache gives the producer the run's cache; project names the
	// project (its root), for the producer's store in it.
	UseCache(c *cache.Cache, project string)
	// SaveCache writes what the last Analyze added. Its error says why the
	// cache could not be written; the results are right all the same.
	SaveCache() error
}

// A Prefetcher is a Producer that starts, before the walk lists a run's
// files, work its Analyze will need whichever they are: the walk keeps one
// core busy and leaves the others idle. Prefetch returns at once; root is
// the project's root, and enabled says whether a rule is enabled for the
// files at the root (the configuration there, with the command line's
// overrides; none enabled: start nothing, and drop what an earlier run's
// Prefetch started). A Cacher has been given the run's cache before.
type Prefetcher interface {
	Prefetch(root string, enabled func(*lint.Rule) bool)
}

// A FileSkipper is a Producer that leaves alone some files with its
// extensions (the Go producer: test files, and what the go command ignores,
// such as vendor/ and testdata/). A directory walk does not collect them; a
// file named explicitly is skipped with a notice giving the reason.
type FileSkipper interface {
	// Skip returns why the file at abs is not analysed, or "".
	Skip(abs string) string
}

// Options configure a run.
type Options struct {
	Paths     []string // default "."
	Registry  *config.Registry
	Overrides config.Overrides
	Producers []Producer
	Jobs      int // <= 0: GOMAXPROCS
	// MaxFileSize: larger files are skipped with a notice; <= 0 means
	// MaxFileSize, the default.
	MaxFileSize int64
	// NoGitignore: walk ignoring .gitignore files.
	NoGitignore bool
	// ProjectRoot, when set, is the root of the project the paths belong to
	// (--project-root); else FindProjectRoot finds it. The whole project is
	// analysed; the paths are reported on.
	ProjectRoot string
	// Snapshot, when set, is what is analysed instead of the files on disk
	// (see Snapshot); Paths and ProjectRoot name where they are.
	Snapshot Snapshot
	// Cache, when set, is where the producers that can (Cacher) keep what
	// they analysed, by content, and find it again: "" is the default
	// directory (cache.Resolve: $XYLINT_CACHE_DIR, else .xylint_cache at
	// the project's root). Nil: no cache.
	Cache *CacheOptions
}

// CacheOptions say where a run's cache is.
type CacheOptions struct {
	Dir string // --cache-dir; "" for cache.Resolve's default
}

// Problem is an error or a notice about one path.
type Problem struct {
	Path    string
	Message string
}

func (p Problem) String() string {
	if p.Path == "" {
		return p.Message
	}
	return p.Path + ": " + p.Message
}

// Result is what a run found.
type Result struct {
	Registry *config.Registry
	// Files are the analysed files, sorted by path. Src is kept only for
	// files with diagnostics (for source excerpts, fingerprints and fixes).
	Files []*lint.FileResult
	// Diagnostics are the unsuppressed findings, sorted by path, position
	// and code.
	Diagnostics []lint.Diagnostic
	// Errors make the run exit 2: paths that could not be read, bad
	// configuration, analysis failures.
	Errors []Problem
	// Notices are files skipped on purpose (binary, not UTF-8, template,
	// too large, not a language xylint reads).
	Notices []Problem
	// RunNotices are about the run, not its files (a cache that could not
	// be written): said on standard error, never in a report, and never
	// failing the run.
	RunNotices []string

	inputs map[string]producedInput // by path, for Reanalyze
	proj   *project
	loader *config.Loader
	// failOn applies to diagnostics in files that are not inputs of the
	// run: the defaults' (or --fail-on).
	failOn lint.FailOn
}

// ExitCode is 2 when there were errors, 1 when a finding fails the run
// (Fails), else 0.
func (r *Result) ExitCode() int {
	switch {
	case len(r.Errors) > 0:
		return 2
	case r.Failing() > 0:
		return 1
	}
	return 0
}

// Fails reports whether d fails the run: its level reaches the fail-on of
// the configuration that governs its file (--fail-on, when given, replaces
// every configuration's; warning by default, so notes do not fail).
func (r *Result) Fails(d *lint.Diagnostic) bool {
	if in, ok := r.inputs[d.Path]; ok && in.Config != nil {
		return in.Config.Fails(d.Severity)
	}
	return r.failOn.Fails(d.Severity)
}

// Failing is the number of diagnostics that fail the run.
func (r *Result) Failing() int {
	n := 0
	for i := range r.Diagnostics {
		if r.Fails(&r.Diagnostics[i]) {
			n++
		}
	}
	return n
}

// Source returns the analysed content of path, or nil.
func (r *Result) Source(path string) []byte {
	i, ok := slices.BinarySearchFunc(r.Files, path, func(f *lint.FileResult, p string) int { return cmp.Compare(f.Path, p) })
	if !ok {
		return nil
	}
	return r.Files[i].Src
}

// Run checks opts.Paths. The error is for bad options only (an unknown
// --select, a bad --exclude glob, a --project-root that does not hold the
// paths): everything about files is in Result.
//
// The whole project the paths belong to is analysed (see FindProjectRoot),
// and what is found in the paths is reported: the findings of a run on a
// path are those of a run on the project's root in that path. A file the
// walk of the root leaves out (excluded, .gitignore'd) but that is named
// explicitly is analysed too, as it always was.
func Run(ctx context.Context, opts Options) (*Result, error) {
	loader, err := config.NewLoader(opts.Registry, opts.Overrides)
	if err != nil {
		return nil, err
	}
	if len(opts.Paths) == 0 {
		opts.Paths = []string{"."}
	}
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	cwd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	proj, err := newProject(opts.Paths, cwd, opts.ProjectRoot)
	if err != nil {
		return nil, err
	}
	res := &Result{Registry: opts.Registry, failOn: loader.Defaults().FailOn, proj: proj, loader: loader}

	var exts []string
	for _, p := range opts.Producers {
		exts = append(exts, p.Extensions()...)
	}
	// The named paths: what is reported, and what the errors and notices
	// are about.
	configErrs := newErrSet()
	var left leftOut // what the walk left out, to say why nothing was analysed
	var files, snapContext []walk.File
	var walkErrs, walkNotices []*walk.Error
	// The cache, before the walk: a Prefetcher may read it.
	var c *cache.Cache
	if opts.Cache != nil {
		if c, err = cache.Open(cache.Resolve(opts.Cache.Dir, proj.root)); err != nil {
			res.RunNotices = append(res.RunNotices, "cache: "+err.Error())
		}
	}
	for _, p := range opts.Producers {
		if cacher, ok := p.(Cacher); ok && c != nil {
			cacher.UseCache(c, proj.root)
		}
	}
	prefetch(opts.Producers, loader, proj.root, opts.Snapshot == nil)
	if opts.Snapshot != nil {
		files, snapContext = snapshotWalk(opts.Snapshot, opts.Paths, proj, walkOptions(opts, loader, exts, configErrs, &left))
	} else {
		files, walkErrs, walkNotices = walk.Walk(opts.Paths, walkOptions(opts, loader, exts, configErrs, &left))
	}
	for _, e := range walkErrs {
		res.Errors = append(res.Errors, Problem{e.Path, e.Err.Error()})
	}
	for _, e := range walkNotices {
		res.Notices = append(res.Notices, Problem{e.Path, e.Err.Error()})
	}
	// The rest of the project, as context.
	project := files
	named := make(map[string]bool, len(files))
	for i, f := range files {
		if n, ok := proj.named(f.Abs); ok {
			files[i].Path = n
		}
		named[f.Real] = true
	}
	if opts.Snapshot != nil {
		project = append(project, snapContext...)
	} else if !proj.isRoot(opts.Paths) {
		contextErrs := newErrSet()
		var all []walk.File
		all, _, _ = walk.Walk([]string{filepath.FromSlash(proj.shown)}, walkOptions(opts, loader, exts, contextErrs, &leftOut{}))
		for _, f := range all {
			if !named[f.Real] {
				project = append(project, f)
			}
		}
		// A configuration that does not load excludes what it governs from
		// the context; say so, once.
		for _, e := range contextErrs.list() {
			if !configErrs.has(e) {
				res.Notices = append(res.Notices, Problem{"", e + " (outside the paths checked: the files it governs were left out of the project's context)"})
			}
		}
	}

	byProducer := make([][]Input, len(opts.Producers))
	for _, f := range project {
		context := !named[f.Real]
		fc, err := loader.ForFile(f.Abs)
		if err != nil {
			if !context {
				configErrs.add(err)
			}
			continue
		}
		i := slices.IndexFunc(opts.Producers, func(p Producer) bool { return hasExt(f.Path, p.Extensions()) })
		if i < 0 {
			if !context {
				res.Notices = append(res.Notices, Problem{proj.display(f.Path), "skipped: not a file type xylint analyses"})
			}
			continue
		}
		if why := skipReason(opts.Producers[i:i+1], f.Abs); why != "" {
			if !context {
				res.Notices = append(res.Notices, Problem{proj.display(f.Path), "skipped: " + why})
			}
			continue
		}
		byProducer[i] = append(byProducer[i], Input{Path: f.Path, Abs: f.Abs, Real: f.Real, Config: fc, MaxFileSize: opts.MaxFileSize,
			DirSettings: loader.ForDir, Context: context, Snapshot: opts.Snapshot})
	}
	for _, e := range configErrs.list() {
		res.Errors = append(res.Errors, Problem{"", e})
	}

	configs := map[string]*config.FileConfig{}
	res.inputs = map[string]producedInput{}
	for i, inputs := range byProducer {
		for _, in := range inputs {
			if !in.Context {
				configs[in.Path] = in.Config
				res.inputs[proj.display(in.Path)] = producedInput{in, opts.Producers[i]}
			}
		}
	}
	cacheErrs := newErrSet()
	for i, p := range opts.Producers {
		if len(byProducer[i]) == 0 {
			continue
		}
		cacher, _ := p.(Cacher)
		results, err := p.Analyze(ctx, byProducer[i], jobs)
		if err != nil {
			res.Errors = append(res.Errors, Problem{"", err.Error()})
		}
		if c != nil && cacher != nil && ctx.Err() == nil {
			if err := cacher.SaveCache(); err != nil {
				cacheErrs.add(err)
			}
		}
		for _, r := range results {
			if _, ok := configs[r.Path]; ok {
				res.Files = append(res.Files, r)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// A cache that cannot be written is a notice: the results are right.
	res.RunNotices = append(res.RunNotices, cacheErrs.list()...)

	finishAll(res.Files, configs, opts.Registry.LookupSuppression, jobs)
	for _, f := range res.Files {
		named := f.Path
		proj.rename(f)
		if f.Err != nil {
			res.Errors = append(res.Errors, Problem{f.Path, strings.TrimPrefix(f.Err.Error(), named+": ")})
		}
		if f.Skipped != "" {
			res.Notices = append(res.Notices, Problem{f.Path, "skipped: " + f.Skipped})
			continue
		}
		res.Diagnostics = append(res.Diagnostics, f.Diagnostics...)
	}
	if res.Analysed() == 0 {
		res.Errors = append(res.Errors, Problem{"", left.nothingAnalysed(len(files), len(res.Errors) > 0, exts)})
	}
	slices.SortFunc(res.Files, func(a, b *lint.FileResult) int { return cmp.Compare(a.Path, b.Path) })
	slices.SortStableFunc(res.Diagnostics, compareDiagnostics)
	sortProblems(res.Errors)
	sortProblems(res.Notices)
	return res, nil
}

// prefetch calls the producers' Prefetch for the project at root, with the
// rules enabled for the files at its root — with none when work is false (a
// snapshot's run: what it reads is not the work tree's) or the
// configuration there does not load (the walk reports it). Every run calls
// it, so that nothing a producer prefetched for an earlier run is taken
// for this one's.
func prefetch(producers []Producer, loader *config.Loader, root string, work bool) {
	var enabled func(*lint.Rule) bool
	for _, p := range producers {
		pf, ok := p.(Prefetcher)
		if !ok {
			continue
		}
		if enabled == nil {
			enabled = func(*lint.Rule) bool { return false }
			if fc, err := loader.ForFile(filepath.Join(root, "_")); err == nil && work {
				enabled = fc.Enabled
			}
		}
		pf.Prefetch(root, enabled)
	}
}

// walkOptions are the walk's options for a run: its producers' files,
// excluding what the configuration excludes; configuration errors go to
// errs, and left counts what was left out.
func walkOptions(opts Options, loader *config.Loader, exts []string, errs *errSet, left *leftOut) walk.Options {
	return walk.Options{
		Extensions:  exts,
		NoGitignore: opts.NoGitignore,
		Listed: func(abs string, entries []fs.DirEntry) {
			loader.Listed(abs, func(name string) bool { return walk.HasEntry(entries, name) })
		},
		Exclude: func(abs string, isDir bool) bool {
			if !isDir && skipReason(opts.Producers, abs) != "" {
				left.byProducer++
				return true
			}
			s, err := loader.ForDir(filepath.Dir(abs))
			if err != nil {
				errs.add(err)
				return true // what a broken configuration governs is not checked
			}
			if s.Excluded(abs, isDir) {
				left.excluded++
				return true
			}
			return false
		},
	}
}

// Analysed is the number of files that were analysed: read, and neither
// skipped nor failed.
func (r *Result) Analysed() int {
	n := 0
	for _, f := range r.Files {
		if f.Skipped == "" && f.Err == nil {
			n++
		}
	}
	return n
}

// leftOut counts the paths a walk left out on purpose.
type leftOut struct {
	excluded   int // by exclude, extend-exclude, --exclude
	byProducer int // by a producer (Go test files, vendor/, testdata/)
}

// nothingAnalysed is the error of a run that analysed no file: a run that
// read nothing must not pass as clean (an empty directory, a typo in a
// path, an exclude that matches everything, Go files without a go.mod).
func (l leftOut) nothingAnalysed(found int, failed bool, exts []string) string {
	msg := "no files were analysed: "
	see := "see the notices"
	if failed {
		see = "see the errors and notices"
	}
	switch {
	case found == 1:
		msg += "the one file found was skipped or could not be read (" + see + ")"
	case found > 1:
		msg += fmt.Sprintf("none of the %d files found could be analysed (%s)", found, see)
	case l.excluded > 0:
		msg += fmt.Sprintf("everything under the given paths is excluded (%d matched the configured or --exclude patterns)", l.excluded)
	default:
		msg += "no " + strings.Join(exts, ", ") + " files under the given paths (.gitignore'd files and directories such as .venv and node_modules are not looked at)"
	}
	if l.byProducer > 0 {
		msg += fmt.Sprintf("; Go test files and files the go command ignores were left out (%d)", l.byProducer)
	}
	return msg
}

// finishAll runs finishDiagnostics on the files on jobs goroutines (the
// files are independent; one core took ~20 ms on 3,800 files while the
// other had nothing to do) and drops the source of files left without
// diagnostics, to keep memory for the files that are shown.
func finishAll(files []*lint.FileResult, configs map[string]*config.FileConfig, lookup func(string) *lint.Rule, jobs int) {
	Parallel(context.Background(), len(files), jobs, func(i int) {
		f := files[i]
		if f.Skipped != "" {
			return
		}
		f.Diagnostics = finishDiagnostics(f, configs[f.Path], lookup)
		if len(f.Diagnostics) == 0 {
			f.Src, f.Comments = nil, nil
		}
	})
}

// finishDiagnostics keeps the diagnostics of f that its configuration
// enables and no comment suppresses.
func finishDiagnostics(f *lint.FileResult, fc *config.FileConfig, lookup func(string) *lint.Rule) []lint.Diagnostic {
	enabled := func(r *lint.Rule) bool { return fc == nil || fc.Enabled(r) }
	// Rules report only where they are enabled; a project-wide rule may
	// have reported into a file whose configuration disables it.
	// Nor where the project's own Ruff or flake8 configuration allows what
	// the rule reports (config.FileConfig.IgnoredByTools).
	f.Diagnostics = slices.DeleteFunc(f.Diagnostics, func(d lint.Diagnostic) bool {
		return !enabled(d.Rule) || fc != nil && fc.IgnoredByTools(d.Rule)
	})
	return suppress.Apply(f, suppress.Options{Lookup: lookup, Enabled: enabled})
}

func compareDiagnostics(a, b lint.Diagnostic) int {
	return cmp.Or(
		cmp.Compare(a.Path, b.Path),
		cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset),
		cmp.Compare(a.Range.End.Offset, b.Range.End.Offset),
		cmp.Compare(a.Rule.Code, b.Rule.Code),
		cmp.Compare(a.Message, b.Message),
	)
}

func sortProblems(ps []Problem) {
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Message, b.Message))
	})
}

// skipReason is why the producer of abs does not analyse it, or "".
func skipReason(producers []Producer, abs string) string {
	for _, p := range producers {
		if !hasExt(abs, p.Extensions()) {
			continue
		}
		if s, ok := p.(FileSkipper); ok {
			return s.Skip(abs)
		}
		return ""
	}
	return ""
}

func hasExt(path string, exts []string) bool {
	for _, e := range exts {
		if strings.HasSuffix(path, e) {
			return true
		}
	}
	return false
}

// errSet collects configuration errors once each (many files share a
// configuration).
type errSet struct {
	mu   sync.Mutex
	seen map[string]bool
	msgs []string
}

func newErrSet() *errSet { return &errSet{seen: map[string]bool{}} }

func (s *errSet) add(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, line := range strings.Split(err.Error(), "\n") {
		if !s.seen[line] {
			s.seen[line] = true
			s.msgs = append(s.msgs, line)
		}
	}
}

func (s *errSet) list() []string { return s.msgs }

func (s *errSet) has(msg string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.seen[msg]
}

// MaxFileSize is the default size limit: larger files are skipped with a
// notice. Parsing costs time and memory per syntax node, up to one node per
// byte (a file of `x = 1` lines): a 2 MiB file takes up to ~2 s and
// ~170 MB. Hand-written modules are far smaller; generated ones (data
// tables, protobuf stubs) are what this skips. `--max-file-size` raises it.
const MaxFileSize = 2 << 20

// HardMaxFileSize is the largest file that can be analysed at all (syntax
// trees hold 32-bit offsets).
const HardMaxFileSize = 1<<31 - 1

// ErrTooLarge marks a file skipped for its size.
var ErrTooLarge = errors.New("file too large")

// ReadSource reads a file for analysis with the default size limit.
func ReadSource(abs string) ([]byte, error) { return ReadSourceLimit(abs, MaxFileSize) }

// ReadSourceLimit reads a file for analysis. It refuses what is not a
// regular file (a FIFO would block) and, with ErrTooLarge, files over limit
// bytes (<= 0: MaxFileSize).
func ReadSourceLimit(abs string, limit int64) ([]byte, error) {
	if limit <= 0 {
		limit = MaxFileSize
	}
	return readSource(abs, min(limit, HardMaxFileSize))
}

var errNotRegular = errors.New("not a regular file")

// readSized reads a regular file of size bytes (as fstat gave it, at most
// limit) with read: one read into a buffer of the file's size and one byte
// more, which returns the whole file and shows a file that grew meanwhile
// (io.ReadAll would grow a buffer from 512 bytes, and
// bytes.Buffer.ReadFrom doubles a full one for its last, empty read). A
// read that returns the size fstat gave ends it (no second read to see the
// end); a short one (the file shrank, or a file system that returns less)
// reads on to the end; a file that grows is still bounded by limit.
func readSized(size, limit int64, read func([]byte) (int, error)) ([]byte, error) {
	buf := make([]byte, size+1)
	n := 0
	for n < len(buf) {
		m, err := read(buf[n:])
		if err != nil {
			return nil, err
		}
		if m == 0 {
			return buf[:n], nil
		}
		n += m
		if int64(n) == size {
			return buf[:n], nil
		}
	}
	for {
		if int64(len(buf)) > limit {
			return nil, tooLarge(int64(len(buf)), limit)
		}
		buf = slices.Grow(buf, min(max(len(buf), 4096), int(limit+1)-len(buf)))
		m, err := read(buf[len(buf):cap(buf)])
		if err != nil {
			return nil, err
		}
		if m == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+m]
	}
}

func tooLarge(size, limit int64) error {
	return fmt.Errorf("%w (%s; the limit is %s: see --max-file-size)", ErrTooLarge, FormatSize(size), FormatSize(limit))
}

// FormatSize writes a byte count as people read it ("9.7 MiB", "512 KiB").
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64), ".0") + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// ParseSize reads a size limit: a byte count with an optional binary
// suffix K, M or G (KiB, MiB, GiB; "2M", "512K", "2MiB"), or 0 for the
// largest file xylint can analyse.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSuffix(strings.TrimSuffix(strings.ToUpper(strings.TrimSpace(s)), "IB"), "B")
	mult := int64(1)
	if t != "" {
		switch t[len(t)-1] {
		case 'K':
			mult = 1 << 10
		case 'M':
			mult = 1 << 20
		case 'G':
			mult = 1 << 30
		}
		if mult > 1 {
			t = t[:len(t)-1]
		}
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || n < 0 || n*float64(mult) > HardMaxFileSize {
		return 0, fmt.Errorf("size %q: want a number of bytes with an optional K, M or G suffix, under 2G", s)
	}
	if n == 0 {
		return HardMaxFileSize, nil
	}
	return int64(n * float64(mult)), nil
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// NewRegistry is every rule a run can report: XY000 syntax-error, rules
// (the registry's, in code order) and the suppression checks (XY100 is
// opt-in).
func NewRegistry(rules []*lint.Rule) *config.Registry {
	all := append([]*lint.Rule{lint.SyntaxError}, rules...)
	all = append(all, suppress.Unused, suppress.Malformed)
	return &config.Registry{Rules: all, OptIn: []*lint.Rule{suppress.Unused}}
}

// A Toolset is what runs are handed besides their paths: the rules a
// configuration can name, the producers that run them, and each
// language's fix verifier and formatter. The command builds the one xylint
// ships (cmd/xylint); the drivers import no rule.
type Toolset struct {
	Registry *config.Registry
	// Producers returns a run's producers, new ones each time: a producer
	// keeps its last run's state for Reanalyze.
	Producers func() []Producer
	// Fix holds each language's verifier and formatter for the fix engine
	// (fixrun.Options.Languages).
	Fix map[lint.Language]fix.Options
}
