// Package golang runs xylint's Go analyzers for xylint's own driver: it
// loads packages with go/packages, runs the enabled rules' analyzers with
// golang.org/x/tools/go/analysis/checker, and converts what they report into
// the language-neutral lint.FileResult (code-point columns, the one fix as
// byte-offset edits, the file's comments for suppressions). No cgo.
package golang

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Check loads the packages matching patterns (go list patterns such as
// "./...") in dir, runs the analyzers of rules (the rules to run, as the
// registry lists them) configured by options (options(rule) returns the
// rule's options as the configuration made them, or nil for the defaults;
// options itself may be nil) and
// returns one result per Go file of the matched packages, test files
// excluded. Paths are relative to dir, slash-separated.
//
// A package that does not load or type-check is reported as XY000
// syntax-error diagnostics at the errors' positions, as unparsable Python
// files are; the other packages are analysed as usual. Check fails only when
// go/packages cannot run at all (no go command, no module).
//
// Only the matched packages are type-checked from source; their
// dependencies come from the go command's export data (the build cache),
// which is what keeps a run under a second: loading every dependency from
// source, as analyzers with facts usually require, took 13 s for a module
// that imports net/http. Facts (missing-shutdown's) therefore flow between
// the matched packages only: match the whole module ("./...") when a main
// package's server lives in another of its packages.
func Check(ctx context.Context, dir string, patterns []string, rules []goanalysis.Rule, options func(*lint.Rule) any) ([]*lint.FileResult, error) {
	_, res, err := Load(ctx, dir, patterns, rules, options)
	return res, err
}

// Load is Check, and also returns the loaded Program, with which an edited
// file can be analysed again (Program.AnalyzeSource).
func Load(ctx context.Context, dir string, patterns []string, rules []goanalysis.Rule, options func(*lint.Rule) any) (*Program, []*lint.FileResult, error) {
	one := &funcOptions{options}
	return LoadOverlay(ctx, dir, patterns, rules, func(string) OptionSet { return one }, nil)
}

// An OptionSet is the options one configuration gives the rules:
// Options(rule) is the rule's options as the configuration compiled them,
// or nil for the defaults (*config.Settings is one). It must be comparable
// (a pointer): packages with equal OptionSets share analyzers. When it also
// has a method OptionsKey(rule) string (*config.Settings does), two sets
// whose keys for a rule are equal share that rule's analyzer.
type OptionSet interface {
	Options(*lint.Rule) any
}

type optionsKeyer interface {
	OptionsKey(*lint.Rule) string
}

// funcOptions is one options function as an OptionSet.
type funcOptions struct{ f func(*lint.Rule) any }

func (o *funcOptions) Options(r *lint.Rule) any {
	if o.f == nil {
		return nil
	}
	return o.f(r)
}

// LoadOverlay is Load with the options of each package's directory, and
// with the contents of overlay (absolute path → content) in place of the
// files' on disk, as go/packages' Config.Overlay takes them: a file that is
// not on disk is added to its package, and one whose overlay is a file
// excluded by a build constraint (//go:build ignore) drops out of it.
// --new-from-rev analyses a revision's Go files this way, without a
// checkout.
//
// optionsFor(dir) is the OptionSet of the packages in dir (absolute; nil
// optionsFor or a nil OptionSet: the defaults). The packages are loaded
// once. Each rule's analyzer is built once per distinct options it is
// given (a Plain rule's once); the analyzers every package shares run in
// one checker pass over all of them, and the others in one pass per group
// of packages that share them. An analyzer with facts also runs on the
// loaded packages a pass's packages import, with the importers' options,
// so facts flow across packages whatever options their own directories
// have; only the pass's own packages are reported. Without differing
// options there is one pass, as with one OptionSet.
func LoadOverlay(ctx context.Context, dir string, patterns []string, rules []goanalysis.Rule, optionsFor func(dir string) OptionSet, overlay map[string][]byte) (*Program, []*lint.FileResult, error) {
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil, err
	}
	prog := &Program{dir: absDir, ruleOf: map[*analysis.Analyzer]*lint.Rule{}, byFile: map[string]fileRef{}, unloaded: map[string]bool{},
		analyzersOf: map[*packages.Package][]*analysis.Analyzer{}}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedTypesInfo | packages.NeedSyntax | packages.NeedModule
	cfg := &packages.Config{Context: ctx, Dir: absDir, Mode: mode, Overlay: overlay}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, nil, fmt.Errorf("loading Go packages in %s: %w", dir, err)
	}
	c := &converter{dir: absDir, files: map[string]*lint.FileResult{}, src: overlay}
	unloadable := loadFailures(ctx, absDir, pkgs)
	var ok []*packages.Package
	for _, p := range pkgs {
		if msg, bad := unloadable[p]; bad {
			c.loadFailure(p, msg)
			for _, f := range p.GoFiles {
				prog.unloaded[f] = true
			}
			continue
		}
		if len(p.Errors) > 0 {
			c.packageErrors(p)
			continue
		}
		if p.IllTyped {
			// The package is fine, a dependency is not: no analyzer can
			// run on it, and it is not a syntax error of its own. A
			// dependency among the packages checked here is reported
			// there (XY000): this one gets a notice. One outside (a go.sum
			// entry missing deep in the requirements, a module that does
			// not compile at the selected versions) is one error, in the
			// go command's words.
			if in := brokenRoot(p, pkgs); in != "" {
				c.notChecked(p, "it imports "+in+", which does not build (see its XY000)")
			} else {
				c.loadFailure(p, dependencyFailure(p))
			}
			for _, f := range p.GoFiles {
				prog.unloaded[f] = true
			}
			continue
		}
		ok = append(ok, p)
	}
	prog.pkgs = withLoadedImports(ok)
	prog.imports = newImporter(absDir, pkgs)
	for _, p := range prog.pkgs {
		for i, f := range p.Syntax {
			if i < len(p.CompiledGoFiles) {
				c.file(p.Fset, p.CompiledGoFiles[i], f)
				prog.byFile[p.CompiledGoFiles[i]] = fileRef{p, i}
			}
		}
	}
	for _, pass := range prog.passes(rules, optionsFor) {
		if err := prog.analyze(c, pass.analyzers, pass.pkgs); err != nil {
			return nil, nil, err
		}
	}
	return prog, c.results(), nil
}

// A pass is analyzers to run over packages in one checker run.
type pass struct {
	analyzers []*analysis.Analyzer
	pkgs      []*packages.Package
}

// passes builds the analyzers of rules for each analysed package, with the
// options of its directory, records them (analyzersOf) and returns the
// passes that run them: first the analyzers every package has, over all
// packages, then one pass per group of packages with the same other
// analyzers, in load order.
func (prog *Program) passes(rules []goanalysis.Rule, optionsFor func(dir string) OptionSet) []pass {
	type key struct {
		rule *lint.Rule
		set  OptionSet // nil when keyed by options
		opts string
	}
	built := map[key]*analysis.Analyzer{}
	analyzer := func(g goanalysis.Rule, set OptionSet) *analysis.Analyzer {
		k := key{rule: g.Rule}
		if g.ReadsOptions && set != nil {
			if kr, ok := set.(optionsKeyer); ok {
				k.opts = kr.OptionsKey(g.Rule)
			} else {
				k.set = set
			}
		}
		if a, ok := built[k]; ok {
			return a
		}
		var opts any
		if set != nil {
			opts = set.Options(g.Rule)
		}
		a := g.New(opts)
		built[k] = a
		prog.ruleOf[a] = g.Rule
		return a
	}
	count := map[*analysis.Analyzer]int{}
	for _, p := range prog.pkgs {
		var set OptionSet
		if optionsFor != nil {
			set = optionsFor(packageDir(p, prog.dir))
		}
		as := make([]*analysis.Analyzer, len(rules))
		for i, g := range rules {
			as[i] = analyzer(g, set)
			count[as[i]]++
		}
		prog.analyzersOf[p] = as
	}
	shared := pass{pkgs: prog.pkgs}
	var groups []pass
	byOwn := map[string]int{} // the analyzers a group has of its own → index in groups
	for i, p := range prog.pkgs {
		var own []*analysis.Analyzer
		var id strings.Builder
		for _, a := range prog.analyzersOf[p] {
			if count[a] == len(prog.pkgs) {
				if i == 0 {
					shared.analyzers = append(shared.analyzers, a)
				}
				continue
			}
			own = append(own, a)
			fmt.Fprintf(&id, "%p,", a)
		}
		if len(own) == 0 {
			continue
		}
		k, ok := byOwn[id.String()]
		if !ok {
			k = len(groups)
			byOwn[id.String()] = k
			groups = append(groups, pass{analyzers: own})
		}
		groups[k].pkgs = append(groups[k].pkgs, p)
	}
	return append([]pass{shared}, groups...)
}

// packageDir is the directory of p's files (absolute), or dir for a
// package without files.
func packageDir(p *packages.Package, dir string) string {
	for _, files := range [][]string{p.GoFiles, p.CompiledGoFiles} {
		if len(files) > 0 {
			return filepath.Dir(files[0])
		}
	}
	return dir
}

// analyze runs analyzers on pkgs and converts what they report.
func (prog *Program) analyze(c *converter, analyzers []*analysis.Analyzer, pkgs []*packages.Package) error {
	if len(analyzers) == 0 || len(pkgs) == 0 {
		return nil
	}
	graph, err := checker.Analyze(analyzers, pkgs, nil)
	if err != nil {
		return err
	}
	for _, act := range graph.Roots {
		if act.Err != nil {
			// One analyzer failing on one package (a dependency that
			// does not type-check) should not hide the rest.
			c.packageErrors(&packages.Package{PkgPath: act.Package.PkgPath, GoFiles: act.Package.GoFiles,
				Errors: []packages.Error{{Msg: prog.ruleOf[act.Analyzer].Code + " could not run: " + prog.cause(act).Error()}}})
			continue
		}
		// The analyzers' findings, typed (their result): the rule and the
		// level in fields, the message bare. act.Diagnostics holds the
		// same findings as go vet shows them.
		for _, f := range goanalysis.ResultFindings(act.Result) {
			c.diagnostic(act.Package.Fset, f)
		}
	}
	return nil
}

// cause is the error to report for a rule's failed action. When the rule
// failed only because a helper it requires (inspect.Analyzer, the request
// scope) failed on the same package, the helper's reason is the rule's
// (errors in the package), which the message gives rather than the
// helpers' names; any other failure is reported as the checker says it.
func (prog *Program) cause(act *checker.Action) error {
	for {
		var helper *checker.Action
		for _, d := range act.Deps {
			if d.Err == nil {
				continue
			}
			if _, isRule := prog.ruleOf[d.Analyzer]; isRule || d.Package != act.Package {
				return act.Err
			}
			if helper == nil {
				helper = d
			}
		}
		if helper == nil {
			return act.Err
		}
		act = helper
	}
}

// withLoadedImports returns copies of pkgs whose Imports hold only the other
// packages of pkgs. The checker runs an analyzer with facts on every
// package in Imports, which needs syntax; the others were loaded from
// export data and are not analysed.
func withLoadedImports(pkgs []*packages.Package) []*packages.Package {
	copies := make(map[*packages.Package]*packages.Package, len(pkgs))
	out := make([]*packages.Package, len(pkgs))
	for i, p := range pkgs {
		c := *p
		copies[p] = &c
		out[i] = &c
	}
	for p, c := range copies {
		c.Imports = map[string]*packages.Package{}
		for path, imp := range p.Imports {
			if ci := copies[imp]; ci != nil {
				c.Imports[path] = ci
			}
		}
	}
	return out
}

// converter turns go/analysis output into lint results, one per file.
type converter struct {
	dir   string
	files map[string]*lint.FileResult // by absolute path
	lines map[string]*lint.Lines
	src   map[string][]byte // content to use instead of the file's on disk
}

func (c *converter) rel(abs string) string {
	if r, err := filepath.Rel(c.dir, abs); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(abs)
}

// result returns the file's result, reading its source once. Files outside
// dir (the build cache's cgo output, other modules) get none.
func (c *converter) result(abs string) *lint.FileResult {
	if fr, ok := c.files[abs]; ok {
		return fr
	}
	if !strings.HasSuffix(abs, ".go") || strings.HasPrefix(c.rel(abs), "/") {
		return nil
	}
	src, ok := c.src[abs]
	var err error
	if !ok {
		src, err = os.ReadFile(abs)
	}
	fr := &lint.FileResult{Path: c.rel(abs), Language: lint.Go}
	if err != nil {
		fr.Skipped = err.Error()
	} else {
		fr.Src = src
	}
	c.files[abs] = fr
	if c.lines == nil {
		c.lines = map[string]*lint.Lines{}
	}
	c.lines[abs] = lint.NewLines(src)
	return fr
}

// file records a file's comments for suppressions.
func (c *converter) file(fset *token.FileSet, abs string, f *ast.File) {
	fr := c.result(abs)
	if fr == nil || fr.Src == nil || fr.Comments != nil {
		return
	}
	lines := c.lines[abs]
	tf := fset.File(f.Pos())
	fr.Comments = []lint.Comment{}
	for _, g := range f.Comments {
		for _, cm := range g.List {
			off := tf.Offset(cm.Pos())
			pos := lines.Position(off)
			before := fr.Src[lines.LineStart(pos.Line):off]
			fr.Comments = append(fr.Comments, lint.Comment{
				Line: pos.Line,
				Text: cm.Text,
				Own:  len(bytes.TrimSpace(before)) == 0,
			})
		}
	}
}

func (c *converter) diagnostic(fset *token.FileSet, f goanalysis.Finding) {
	d, rule := f.Diagnostic, f.Rule
	tf := fset.File(d.Pos)
	if tf == nil || rule == nil {
		return
	}
	abs := tf.Name()
	fr := c.result(abs)
	if fr == nil || fr.Src == nil {
		return
	}
	lines := c.lines[abs]
	start := tf.Offset(d.Pos)
	end := start
	if d.End.IsValid() && d.End >= d.Pos {
		end = tf.Offset(d.End)
	}
	diag := lint.Diagnostic{
		Rule:     rule,
		Language: lint.Go,
		Path:     fr.Path,
		Range:    lines.Range(start, end),
		Message:  f.Message,
		Severity: f.Severity,
	}
	if len(d.SuggestedFixes) > 0 {
		diag.Fix = convertFix(fset, tf, rule, d.SuggestedFixes[0])
	}
	fr.Diagnostics = append(fr.Diagnostics, diag)
}

// convertFix turns the first suggested fix into byte-offset edits; a fix
// that touches another file is dropped (none of xylint's does).
func convertFix(fset *token.FileSet, tf *token.File, rule *lint.Rule, sf analysis.SuggestedFix) *lint.Fix {
	fix := &lint.Fix{Message: sf.Message, Safety: rule.FixSafety}
	for _, e := range sf.TextEdits {
		if fset.File(e.Pos) != tf {
			return nil
		}
		end := e.End
		if !end.IsValid() {
			end = e.Pos
		}
		fix.Edits = append(fix.Edits, lint.Edit{Start: tf.Offset(e.Pos), End: tf.Offset(end), New: string(e.NewText)})
	}
	sort.SliceStable(fix.Edits, func(i, j int) bool { return fix.Edits[i].Start < fix.Edits[j].Start })
	return fix
}

// loadFailures returns the packages of pkgs that could not be loaded —
// their imports could not be resolved (a missing go.sum entry, a module
// that is not required or not downloaded, a package that does not exist) —
// with the go command's own message for each. The type checker sees such a
// package only as "could not import X (invalid package name)", so the
// messages come from `go list -e`, once for all of them. They are not
// syntax errors in the user's code: each is one error of the run (exit 2),
// and the module's other packages are analysed as usual.
func loadFailures(ctx context.Context, dir string, pkgs []*packages.Package) map[*packages.Package]string {
	var failed []*packages.Package
	var paths []string
	for _, p := range pkgs {
		for _, e := range p.Errors {
			if e.Kind == packages.TypeError && strings.HasPrefix(e.Msg, "could not import ") {
				failed = append(failed, p)
				paths = append(paths, p.PkgPath)
				break
			}
		}
	}
	if len(failed) == 0 {
		return nil
	}
	msgs := goListErrors(ctx, dir, paths)
	out := map[*packages.Package]string{}
	for _, p := range failed {
		msg := msgs[p.PkgPath]
		if msg == "" {
			// go list could not say more: the type checker's words.
			for _, e := range p.Errors {
				if strings.HasPrefix(e.Msg, "could not import ") {
					msg = strings.TrimSuffix(e.Msg, ` (invalid package name: "")`)
					break
				}
			}
		}
		out[p] = msg
	}
	return out
}

// brokenRoot returns the import path of a package of roots with errors of
// its own that p depends on, or "".
func brokenRoot(p *packages.Package, roots []*packages.Package) string {
	found := ""
	packages.Visit([]*packages.Package{p}, func(d *packages.Package) bool {
		if found != "" {
			return false
		}
		if d != p && len(d.Errors) > 0 && slices.Contains(roots, d) {
			found = d.PkgPath
			return false
		}
		return true
	}, nil)
	return found
}

// dependencyFailure says why p's dependencies could not be loaded: the go
// command's messages about them (a missing go.sum entry, the compiler's
// first error in a dependency that does not build), once each, with module
// cache paths shortened to the module's path.
func dependencyFailure(p *packages.Package) string {
	var list, other []string
	add := func(to *[]string, m string) {
		m = shortenModCache(strings.Join(strings.Fields(m), " "))
		if m != "" && !slices.Contains(*to, m) {
			*to = append(*to, m)
		}
	}
	packages.Visit([]*packages.Package{p}, nil, func(d *packages.Package) {
		for _, e := range d.Errors {
			switch {
			case e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# "):
				// The compiler's output for a dependency that does not
				// build: "# pkg\nfile:line:col: message\n...".
				lines := strings.Split(strings.TrimSpace(e.Msg), "\n")
				if len(lines) > 1 {
					add(&list, "dependency "+strings.TrimPrefix(lines[0], "# ")+" does not build: "+lines[1])
				}
			case e.Kind == packages.ListError:
				add(&list, e.Msg)
			default:
				add(&other, "dependency "+d.PkgPath+": "+e.Msg)
			}
		}
	})
	if len(list) == 0 {
		list = other
	}
	if len(list) == 0 {
		return "a dependency could not be loaded"
	}
	if len(list) > 3 {
		list = append(list[:3], fmt.Sprintf("and %d more", len(list)-3))
	}
	return strings.Join(list, "; ")
}

// shortenModCache writes the paths of files in the module cache
// ("/root/go/pkg/mod/github.com/x/y@v1.2.3/z.go") from the module on
// ("github.com/x/y@v1.2.3/z.go"): the cache's place is the machine's, not
// the project's.
func shortenModCache(m string) string {
	const cache = "/pkg/mod/"
	for {
		i := strings.Index(m, cache)
		if i < 0 {
			return m
		}
		start := strings.LastIndexAny(m[:i], " \t(") + 1
		m = m[:start] + m[i+len(cache):]
	}
}

// goListErrors runs `go list -e` on the packages paths in dir and returns,
// by import path, what the go command says is wrong with each or with its
// dependencies, whitespace folded onto one line.
func goListErrors(ctx context.Context, dir string, paths []string) map[string]string {
	cmd := exec.CommandContext(ctx, "go", append([]string{"list", "-e", "-json=ImportPath,Error,DepsErrors", "--"}, paths...)...)
	cmd.Dir = dir
	out, _ := cmd.Output() // -e: failures are in the JSON
	type listError struct{ Err string }
	msgs := map[string]string{}
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p struct {
			ImportPath string
			Error      *listError
			DepsErrors []*listError
		}
		if dec.Decode(&p) != nil {
			break
		}
		var parts []string
		for _, e := range append([]*listError{p.Error}, p.DepsErrors...) {
			if e == nil {
				continue
			}
			if m := strings.Join(strings.Fields(e.Err), " "); m != "" && !slices.Contains(parts, m) {
				parts = append(parts, m)
			}
		}
		msgs[p.ImportPath] = strings.Join(parts, "; ")
	}
	return msgs
}

// loadFailure reports a package that could not be loaded: one error, on its
// first file; its other files have no result.
func (c *converter) loadFailure(p *packages.Package, msg string) {
	if len(p.GoFiles) == 0 {
		return
	}
	fr := c.result(p.GoFiles[0])
	if fr == nil {
		return
	}
	files := "its file was not checked"
	if n := len(p.GoFiles); n > 1 {
		files = fmt.Sprintf("none of its %d files was checked", n)
	}
	fr.Err = fmt.Errorf("Go package %s could not be loaded, %s: %s", p.PkgPath, files, msg)
}

// notChecked says, on p's first file, that p was not checked and why (a
// notice: the cause is reported where it is).
func (c *converter) notChecked(p *packages.Package, why string) {
	if len(p.GoFiles) == 0 {
		return
	}
	if fr := c.result(p.GoFiles[0]); fr != nil {
		fr.Skipped = "its Go package " + p.PkgPath + " was not checked: " + why
	}
}

// packageErrors reports a package that does not load or type-check as
// XY000 at each error's position.
func (c *converter) packageErrors(p *packages.Package) {
	checked := false // the type checker or the parser found the errors
	for _, e := range p.Errors {
		checked = checked || e.Kind == packages.TypeError || e.Kind == packages.ParseError
	}
	seen := map[packages.Error]bool{} // the parser reports some errors twice
	for _, e := range p.Errors {
		if seen[e] {
			continue
		}
		seen[e] = true
		if checked && e.Kind == packages.ListError && strings.HasPrefix(e.Msg, "# ") {
			// The compiler's output for the export data go list builds:
			// the same errors again, as one message.
			continue
		}
		file, line, col := splitPos(e.Pos)
		if file == "" {
			// No position (a missing module, a bad pattern): attach it to
			// the package's first file.
			if len(p.GoFiles) == 0 {
				continue
			}
			file, line, col = p.GoFiles[0], 1, 1
		}
		c.errorAt(file, line, col, "Go package "+p.PkgPath+" does not build: "+e.Msg)
	}
	for _, f := range p.GoFiles {
		c.result(f)
	}
}

// splitPos splits go/packages' "file:line:col" (col optional).
func splitPos(pos string) (file string, line, col int) {
	parts := strings.Split(pos, ":")
	nums := []int{}
	for len(parts) > 1 && len(nums) < 2 {
		var n int
		if _, err := fmt.Sscanf(parts[len(parts)-1], "%d", &n); err != nil {
			break
		}
		nums = append([]int{n}, nums...)
		parts = parts[:len(parts)-1]
	}
	if len(nums) == 0 {
		return "", 0, 0
	}
	line, col = nums[0], 1
	if len(nums) > 1 {
		col = nums[1]
	}
	return strings.Join(parts, ":"), line, col
}

// errorAt reports an XY000 diagnostic at line:col of the file abs.
func (c *converter) errorAt(abs string, line, col int, msg string) {
	fr := c.result(abs)
	if fr == nil || fr.Src == nil {
		return
	}
	lines := c.lines[abs]
	off := lines.Offset(line, col)
	fr.Diagnostics = append(fr.Diagnostics, lint.Diagnostic{
		Rule:     lint.SyntaxError,
		Language: lint.Go,
		Path:     fr.Path,
		Range:    lines.Range(off, off),
		Message:  msg,
		Severity: lint.SyntaxError.Severity,
	})
}

func sortDiagnostics(fr *lint.FileResult) {
	sort.SliceStable(fr.Diagnostics, func(i, j int) bool {
		return fr.Diagnostics[i].Range.Start.Offset < fr.Diagnostics[j].Range.Start.Offset
	})
}

func (c *converter) results() []*lint.FileResult {
	out := make([]*lint.FileResult, 0, len(c.files))
	for _, fr := range c.files {
		sortDiagnostics(fr)
		out = append(out, fr)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
