package pyanalysis

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/deploy"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pystyle"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/ruleopts"
	"github.com/xynergy/xylint/internal/suppress"
)

// Analyzer is one Python rule. A rule with options declares it with New,
// which gives its functions the options typed; the fields here are for
// analyzers without options (tests, tools).
type Analyzer struct {
	Rule *lint.Rule
	// Kinds are the node kinds Run reads through Pass.Nodes; the framework's
	// single walk collects them.
	Kinds []syntax.Kind
	// Prefilter, when non-nil, is a test on the bytes of a file that every
	// file the rule can report on or export facts from passes ("print" for
	// print-call). Files that no enabled analyzer's prefilter passes are not
	// parsed.
	Prefilter *Prefilter
	// Run analyses one file.
	Run func(*Pass) error
	// Project, when non-nil, runs once after all files (see RunProject) with
	// the facts the analyzer's file passes exported.
	Project func(*ProjectPass) error
	// FactTypes are the types of the facts Run exports (a value of each,
	// usually a nil pointer): ExportFact refuses others, and EncodeFacts
	// knows them by these.
	FactTypes []Fact
	// PlatformAuth says that the project phase asks what the repository's
	// deployment files say of a service (deploy.Service.PlatformAuth, which
	// reads all of them): a driver may read them ahead (deploy.Reader's
	// Prefetch) while it walks the project.
	PlatformAuth bool

	// Set by New, from the rule's options (nil: none).
	prefilterFor func(opts any) *Prefilter
	excludes     func(opts any, path string) bool
	// excludedPrefilter: files the options exclude still run when their
	// bytes pass it (Def.ExcludedPrefilter), with Pass.Excluded set.
	excludedPrefilter *Prefilter
}

// Def is a Python analyzer with options: its functions get the rule's
// options typed, C as the rule's ruleopts.Spec compiles them (a file's
// configuration's, or the defaults).
type Def[C any] struct {
	Kinds     []syntax.Kind
	Prefilter *Prefilter
	// PrefilterFor, when non-nil, replaces Prefilter with one that depends
	// on the options (a rule whose table of names is configurable). The
	// framework makes it once per configuration.
	PrefilterFor func(C) *Prefilter
	// Excludes, when non-nil, reports whether the options exclude the file
	// at the slash-separated path from the rule (print-call's `exclude`):
	// the analyzer does not run there.
	Excludes func(opts C, path string) bool
	// PlatformAuth is Analyzer.PlatformAuth.
	PlatformAuth bool
	// ExcludedPrefilter, when non-nil, runs the analyzer in the files its
	// options exclude whose bytes pass it, with Pass.Excluded set: such a
	// pass exports facts the project phase reads about other files (a test
	// that reads a function's printed output) and reports nothing — what it
	// reports is dropped.
	ExcludedPrefilter *Prefilter
	FactTypes         []Fact
	Run               func(pass *Pass, opts C) error
	// Project's options function gives the options of the file at a path.
	Project func(pass *ProjectPass, opts func(path string) C) error
}

// prefilterKey names the prefilter a rule derives from its options.
var prefilterKey ruleopts.Key

// New declares the Python analyzer of rule, whose options spec declares.
func New[T, C any](rule *lint.Rule, spec *ruleopts.Spec[T, C], def Def[C]) *Analyzer {
	a := &Analyzer{Rule: rule, Kinds: def.Kinds, Prefilter: def.Prefilter, FactTypes: def.FactTypes, PlatformAuth: def.PlatformAuth, excludedPrefilter: def.ExcludedPrefilter}
	if def.PrefilterFor != nil {
		a.prefilterFor = func(opts any) *Prefilter {
			return ruleopts.Derive(spec.Of(opts), &prefilterKey, def.PrefilterFor)
		}
	}
	if def.Excludes != nil {
		a.excludes = func(opts any, path string) bool { return def.Excludes(spec.Of(opts).Value, path) }
	}
	a.Run = func(p *Pass) error { return def.Run(p, spec.Of(p.options).Value) }
	if def.Project != nil {
		a.Project = func(p *ProjectPass) error {
			return def.Project(p, func(path string) C { return spec.Of(p.options(path)).Value })
		}
	}
	return a
}

// Config says how to analyse one file.
type Config struct {
	Analyzers []*Analyzer // the analyzers enabled for this file
	// Options gives a rule's options in this file, as its Rule.Options
	// compiled them (config.FileConfig.Options); a nil func or result means
	// the defaults.
	Options func(*lint.Rule) any
	// Module is the file's dotted module name, or "" when unknown.
	Module string
	// LineLength gives the longest line the project's style allows in the
	// file (internal/python/pystyle); nil or 0 means
	// pystyle.DefaultLineLength. Fixes wrap what they write to it. It is
	// called only when a fix is laid out (Pass.LineLength): finding it
	// reads the configuration files of every directory up from the file,
	// which most files, with no fix, need not pay.
	LineLength func() int
	// Deployment is the file's service's deployment (internal/deploy: the
	// run's reader of the deployment files), nil when it is not known (a
	// file analysed in memory). A file pass reads only the service's own
	// deployment files through it (Pass.EnvSetBy), which its Key covers:
	// the driver's cache keys the file's results with it. What the whole
	// repository's files say (PlatformAuth) is read in the project phase
	// (ProjectPass.Deployment), which runs every time.
	Deployment *deploy.Service
	// CheckSyntax parses a file that no analyzer's prefilter passes, to
	// report its syntax errors (XY000) all the same.
	CheckSyntax bool
	// Runtime parses every file and fills FileResult.Runtime, also when no
	// analyzer's prefilter passes it (the rounds of the fix engine, which
	// verifies what each version needs at run time).
	Runtime bool
}

// Pass is what an analyzer's Run gets for one file.
type Pass struct {
	Analyzer *Analyzer
	File     *syntax.File
	Path     string // slash-separated, as given to AnalyzeFile
	Src      []byte
	Tree     *syntax.Tree
	Module   string // dotted module name or ""
	Names    *names.Resolver
	// Excluded: the rule's options exclude the file, and the analyzer runs
	// only for the facts it exports about other files
	// (Def.ExcludedPrefilter); Report drops what it is given.
	Excluded bool

	options    any // the rule's compiled options (New's Run reads them typed)
	lineLength func() int
	deployment *deploy.Service
	nodes      *collected
	diags      *[]lint.Diagnostic
	facts      *[]Fact
	shared     map[any]any // Once's values, shared by the file's passes
}

// Once returns what compute gives for this file, computed once per file
// however many analyzers ask under the same key: a model the rules share
// (internal/python/roles) is built once per file, not once per rule. key
// is a pointer the model owns; compute must read only nodes of kinds every
// asking analyzer declares.
func (p *Pass) Once(key any, compute func() any) any {
	if v, ok := p.shared[key]; ok {
		return v
	}
	v := compute()
	p.shared[key] = v
	return v
}

// Nodes returns the file's nodes of kind k in source order; k must be one of
// the analyzer's Kinds.
func (p *Pass) Nodes(k syntax.Kind) []syntax.Node {
	if !slices.Contains(p.Analyzer.Kinds, k) {
		panic(fmt.Sprintf("pyanalysis: %s asks for %s nodes but does not declare the kind", p.Analyzer.Rule.Code, k))
	}
	return p.nodes.of(k)
}

// Diagnostic returns a diagnostic of the pass's rule at n with the rule's
// default severity; adjust it and give it to Report.
func (p *Pass) Diagnostic(n syntax.Node, format string, args ...any) lint.Diagnostic {
	return lint.Diagnostic{
		Rule:     p.Analyzer.Rule,
		Language: lint.Python,
		Path:     p.Path,
		Range:    p.File.Lines.Range(n.Start(), n.End()),
		Message:  fmt.Sprintf(format, args...),
		Severity: p.Analyzer.Rule.Severity,
	}
}

// Reportf reports a diagnostic at n with the rule's default severity.
func (p *Pass) Reportf(n syntax.Node, format string, args ...any) {
	p.Report(p.Diagnostic(n, format, args...))
}

// Report reports d, filling in Rule, Language and Path when they are unset.
func (p *Pass) Report(d lint.Diagnostic) {
	if p.Excluded {
		return
	}
	if d.Rule == nil {
		d.Rule = p.Analyzer.Rule
	}
	if d.Language == "" {
		d.Language = lint.Python
	}
	if d.Path == "" {
		d.Path = p.Path
	}
	*p.diags = append(*p.diags, d)
}

// ExportFact records a fact about this file for the analyzer's Project
// phase. Its type must be one of the analyzer's FactTypes.
func (p *Pass) ExportFact(f Fact) {
	if !p.Analyzer.declares(f) {
		panic(fmt.Sprintf("pyanalysis: %s exports a fact of type %T, which its FactTypes do not declare", p.Analyzer.Rule.Code, f))
	}
	*p.facts = append(*p.facts, p.ownCopy(f))
}

// copyOf keys, in a file's Once map, the copy ownCopy made of a fact.
type copyOf struct{ f Fact }

// ownCopy is ownCopy(f), one per file for the same f: a fact several
// analyzers export (roles.Collect's, computed once per file) stays one
// value, so that it is encoded once (Encodable) and what a project phase
// builds from it can be shared (roles.Of).
func (p *Pass) ownCopy(f Fact) Fact {
	v := reflect.ValueOf(f)
	if p.shared == nil || v.Kind() != reflect.Pointer {
		return ownCopy(f)
	}
	return p.Once(copyOf{f}, func() any { return ownCopy(f) }).(Fact)
}

// ownCopy is a fact that is a pointer to a struct, copied into an
// allocation of its own. A rule that exports a field of its file pass's
// state (`&w.fact`) would otherwise keep that state alive for the rest of
// the run — and with it the pass, the file's syntax tree, source, lines and
// names (on polar's 1,774 files, 22 MB at the end of the run from one rule,
// as much again from roles' facts).
func ownCopy(f Fact) Fact {
	v := reflect.ValueOf(f)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return f
	}
	c := reflect.New(v.Elem().Type())
	c.Elem().Set(v.Elem())
	return c.Interface().(Fact)
}

// FileFacts are the facts the analyzers exported for one file: what the
// project phase knows of it (and all a cache of the file needs to keep for
// that phase: EncodeFacts).
type FileFacts struct {
	Path   string
	Module string
	Facts  map[*Analyzer][]Fact
}

// AnalyzeFile runs cfg's analyzers on one file. It never panics and never
// touches the file system.
func AnalyzeFile(path string, src []byte, cfg Config) *lint.FileResult {
	res, _ := Analyze(path, src, cfg)
	return res
}

// Analyze is AnalyzeFile that also returns the facts the analyzers exported
// (nil when there are none), for RunProject.
func Analyze(path string, src []byte, cfg Config) (res *lint.FileResult, facts *FileFacts) {
	res = &lint.FileResult{Path: path, Language: lint.Python}
	defer func() {
		if r := recover(); r != nil {
			res.Err = fmt.Errorf("internal error analysing %s: %v\n%s", path, r, debug.Stack())
		}
	}()
	if reason := syntax.SkipReason(path, src); reason != "" {
		res.Skipped = reason
		return res, nil
	}
	res.Src = src
	type active struct {
		a        *Analyzer
		opts     any
		excluded bool
	}
	var (
		run []active
		pfs []*Prefilter
	)
	for _, a := range cfg.Analyzers {
		var opts any
		if cfg.Options != nil {
			opts = cfg.Options(a.Rule)
		}
		excluded := a.excludes != nil && a.excludes(opts, path)
		if excluded && a.excludedPrefilter == nil {
			continue
		}
		pf := a.Prefilter
		if a.prefilterFor != nil {
			pf = a.prefilterFor(opts)
		}
		if excluded {
			pf = a.excludedPrefilter
		}
		run = append(run, active{a, opts, excluded})
		pfs = append(pfs, pf)
	}
	matched := prefilterMask(pfs, src)
	kept := run[:0]
	for i, r := range run {
		if i >= 64 || matched&(1<<i) != 0 {
			kept = append(kept, r)
		}
	}
	run = kept
	// No rule reads the file. Its suppression comments are still checked
	// (the driver reports an unused or malformed one: XY100, XY101), so a
	// file that may hold one is parsed for its comments; another is parsed
	// only for its syntax errors, which are reported whatever it contains.
	if len(run) == 0 && !cfg.Runtime && !suppress.MayHoldDirective(src) {
		if !cfg.CheckSyntax {
			return res, nil
		}
		// Most parse: see that without building a tree.
		bad, err := syntax.HasErrors(src)
		if err != nil {
			res.Err = fmt.Errorf("%s: %w", path, err)
			return res, nil
		}
		if !bad {
			res.Parsed = true
			return res, nil
		}
	}

	f, err := syntax.Parse(path, src)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", path, err)
		return res, nil
	}
	if f.LooksLikeTemplate() {
		res.Skipped = syntax.SkipTemplate
		res.Src = nil
		return res, nil
	}
	res.Comments = f.Comments
	res.Parsed, res.SyntaxErrors = true, len(f.Errors)
	if len(run) == 0 && !cfg.Runtime && len(f.Errors) == 0 {
		// Parsed for its comments only: the result of a clean file no rule
		// reads, as above, with them (no scopes, no imports).
		return res, nil
	}

	// The single walk: scopes and bindings, and the nodes each analyzer wants.
	col := newCollected()
	for _, r := range run {
		col.want(r.a.Kinds)
	}
	nb := names.NewBuilder(f, cfg.Module)
	tree := f.Tree
	for i, n := 0, tree.Len(); i < n; i++ {
		node := tree.Node(i)
		nb.Visit(node)
		col.add(node)
	}
	resolver := nb.Finish()

	var diags []lint.Diagnostic
	var errs []error
	shared := map[any]any{}
	for _, r := range run {
		var fs []Fact
		pass := &Pass{
			Analyzer: r.a, File: f, Path: path, Src: src, Tree: tree, Module: cfg.Module, lineLength: cfg.LineLength, deployment: cfg.Deployment,
			Names: resolver, Excluded: r.excluded, options: r.opts, nodes: col, diags: &diags, facts: &fs, shared: shared,
		}
		if err := runOne(pass); err != nil {
			errs = append(errs, err)
		}
		if len(fs) > 0 {
			if facts == nil {
				facts = &FileFacts{Path: path, Module: cfg.Module, Facts: map[*Analyzer][]Fact{}}
			}
			facts.Facts[r.a] = fs
		}
	}
	if len(f.Errors) > 0 {
		diags = append(diags, syntaxError(f))
	}
	// The unbound names are for the fix engine, which verifies a fix
	// against them: counted only when the file pass made a fix or the
	// engine asks (cfg.Runtime). A fix the project phase adds later has
	// them counted by the engine (lint.Runtime.ImportsOnly).
	if cfg.Runtime || hasFix(diags) {
		res.Runtime = resolver.Runtime(tree)
	} else {
		res.Runtime = resolver.RuntimeImports()
	}
	sortDiagnostics(diags)
	res.Diagnostics = diags
	res.Err = errors.Join(errs...)
	return res, facts
}

func hasFix(diags []lint.Diagnostic) bool {
	for i := range diags {
		if diags[i].Fix != nil {
			return true
		}
	}
	return false
}

// runOne runs one analyzer, turning a panic into an error.
func runOne(p *Pass) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: rule %s panicked: %v\n%s", p.Path, p.Analyzer.Rule.ID(), r, debug.Stack())
		}
	}()
	if err := p.Analyzer.Run(p); err != nil {
		return fmt.Errorf("%s: rule %s: %w", p.Path, p.Analyzer.Rule.ID(), err)
	}
	return nil
}

func syntaxError(f *syntax.File) lint.Diagnostic {
	e := f.Errors[0]
	msg := f.ErrorMessage(e)
	if k := len(f.Errors); k > 1 {
		msg += fmt.Sprintf(" (and %d more error regions)", k-1)
	}
	end := e.End()
	// An ERROR region can span most of a file; point at its first line.
	if nl := bytes.IndexAny(f.Src[e.Start():end], "\r\n"); nl >= 0 {
		end = e.Start() + nl
	}
	return lint.Diagnostic{
		Rule:     lint.SyntaxError,
		Language: lint.Python,
		Path:     f.Path,
		Range:    f.Lines.Range(e.Start(), end),
		Message:  msg,
		Severity: lint.SyntaxError.Severity,
	}
}

func sortDiagnostics(ds []lint.Diagnostic) {
	slices.SortStableFunc(ds, func(a, b lint.Diagnostic) int {
		if c := a.Range.Start.Offset - b.Range.Start.Offset; c != 0 {
			return c
		}
		return strings.Compare(a.Rule.Code, b.Rule.Code)
	})
}

// collected holds the nodes of the wanted kinds, by kind, in source order.
type collected struct {
	slot  []int8 // kind → index into lists, -1 when not wanted
	lists [][]syntax.Node
	kinds []syntax.Kind
}

func newCollected() *collected {
	c := &collected{slot: make([]int8, syntax.KindCount())}
	for i := range c.slot {
		c.slot[i] = -1
	}
	return c
}

func (c *collected) want(ks []syntax.Kind) {
	for _, k := range ks {
		if int(k) >= len(c.slot) || c.slot[k] >= 0 {
			continue
		}
		c.slot[k] = int8(len(c.lists))
		c.lists = append(c.lists, nil)
		c.kinds = append(c.kinds, k)
	}
}

func (c *collected) add(n syntax.Node) {
	if k := int(n.Kind()); k < len(c.slot) {
		if s := c.slot[k]; s >= 0 {
			c.lists[s] = append(c.lists[s], n)
		}
	}
}

func (c *collected) of(k syntax.Kind) []syntax.Node {
	if int(k) < len(c.slot) {
		if s := c.slot[k]; s >= 0 {
			return c.lists[s]
		}
	}
	return nil
}

// EnvSetBy returns the deployment file that sets the environment variable
// name for the file's service (Config.Deployment); known is false when the
// deployment is not known.
func (p *Pass) EnvSetBy(name string) (file string, known bool) {
	if p.deployment == nil {
		return "", false
	}
	return p.deployment.EnvSetBy(name), true
}

// LineLength is the longest line the project's style allows
// (Config.LineLength, the default when it gives none).
func (p *Pass) LineLength() int {
	if p.lineLength != nil {
		if n := p.lineLength(); n > 0 {
			return n
		}
	}
	return pystyle.DefaultLineLength
}
