// Package golang runs xylint's Go analyzers for xylint's own driver: it
// loads packages with go/packages, runs the enabled rules' analyzers with
// golang.org/x/tools/go/analysis/checker, and converts what they report into
// the language-neutral lint.FileResult (code-point columns, the one fix as
// byte-offset edits, the file's comments for suppressions). No cgo.
package golang

import (
	"bytes"
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

// Check loads the packages matching patterns (go list patterns such as
// "./...") in dir, runs the Go analyzers of the enabled rules configured by
// options (options(rule) returns the rule's Options as the configuration
// filled them, or nil for the defaults; options itself may be nil) and
// returns one result per Go file of the matched packages, test files
// excluded. Paths are relative to dir, slash-separated.
//
// A package that does not load or type-check is reported as XY000
// syntax-error diagnostics at the errors' positions, as unparsable Python
// files are; the other packages are analysed as usual. Check fails only when
// go/packages cannot run at all (no go command, no module).
func Check(ctx context.Context, dir string, patterns []string, enabled []*lint.Rule, options func(*lint.Rule) any) ([]*lint.FileResult, error) {
	var as []*analysis.Analyzer
	ruleOf := map[*analysis.Analyzer]*lint.Rule{}
	facts := false
	for _, g := range analyzers.GoAnalyzers {
		if !containsRule(enabled, g.Rule) {
			continue
		}
		var opts any
		if options != nil {
			opts = options(g.Rule)
		}
		a := g.New(opts)
		as = append(as, a)
		ruleOf[a] = g.Rule
		facts = facts || len(a.FactTypes) > 0
	}
	absDir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	mode := packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
		packages.NeedTypes | packages.NeedTypesSizes | packages.NeedTypesInfo | packages.NeedSyntax | packages.NeedModule
	if facts {
		// Analyzers with facts (missing-shutdown) also run on dependencies,
		// which the checker needs with syntax.
		mode |= packages.NeedDeps
	}
	cfg := &packages.Config{Context: ctx, Dir: absDir, Mode: mode}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading Go packages in %s: %w", dir, err)
	}
	c := &converter{dir: absDir, files: map[string]*lint.FileResult{}}
	var ok []*packages.Package
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			c.packageErrors(p)
			continue
		}
		ok = append(ok, p)
	}
	for _, p := range ok {
		for i, f := range p.Syntax {
			if i < len(p.CompiledGoFiles) {
				c.file(p.Fset, p.CompiledGoFiles[i], f)
			}
		}
	}
	if len(as) > 0 && len(ok) > 0 {
		graph, err := checker.Analyze(as, ok, nil)
		if err != nil {
			return nil, err
		}
		for _, act := range graph.Roots {
			if act.Err != nil {
				// One analyzer failing on one package (a dependency that
				// does not type-check) should not hide the rest.
				c.packageErrors(&packages.Package{PkgPath: act.Package.PkgPath, GoFiles: act.Package.GoFiles,
					Errors: []packages.Error{{Msg: ruleOf[act.Analyzer].Code + " could not run: " + act.Err.Error()}}})
				continue
			}
			for _, d := range act.Diagnostics {
				c.diagnostic(act.Package.Fset, ruleOf[act.Analyzer], d)
			}
		}
	}
	return c.results(), nil
}

func containsRule(rules []*lint.Rule, r *lint.Rule) bool {
	for _, x := range rules {
		if x == r {
			return true
		}
	}
	return false
}

// converter turns go/analysis output into lint results, one per file.
type converter struct {
	dir   string
	files map[string]*lint.FileResult // by absolute path
	lines map[string]*lint.Lines
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
	src, err := os.ReadFile(abs)
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

func (c *converter) diagnostic(fset *token.FileSet, rule *lint.Rule, d analysis.Diagnostic) {
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
	msg := d.Message
	if _, rest, ok := goanalysis.SplitMessage(msg); ok {
		msg = rest
	}
	sev := rule.Severity
	if _, s, ok := goanalysis.ParseCategory(d.Category); ok {
		sev = s
	}
	diag := lint.Diagnostic{
		Rule:     rule,
		Language: lint.Go,
		Path:     fr.Path,
		Range:    lines.Range(start, end),
		Message:  msg,
		Severity: sev,
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

// packageErrors reports a package that does not load or type-check as
// XY000 at each error's position.
func (c *converter) packageErrors(p *packages.Package) {
	for _, e := range p.Errors {
		file, line, col := splitPos(e.Pos)
		if file == "" {
			// No position (a missing module, a bad pattern): attach it to
			// the package's first file.
			if len(p.GoFiles) == 0 {
				continue
			}
			file, line, col = p.GoFiles[0], 1, 1
		}
		fr := c.result(file)
		if fr == nil || fr.Src == nil {
			continue
		}
		lines := c.lines[file]
		off := lines.Offset(line, col)
		fr.Diagnostics = append(fr.Diagnostics, lint.Diagnostic{
			Rule:     lint.SyntaxError,
			Language: lint.Go,
			Path:     fr.Path,
			Range:    lines.Range(off, off),
			Message:  "Go package " + p.PkgPath + " does not build: " + e.Msg,
			Severity: lint.SyntaxError.Severity,
		})
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

func (c *converter) results() []*lint.FileResult {
	out := make([]*lint.FileResult, 0, len(c.files))
	for _, fr := range c.files {
		sort.SliceStable(fr.Diagnostics, func(i, j int) bool {
			return fr.Diagnostics[i].Range.Start.Offset < fr.Diagnostics[j].Range.Start.Offset
		})
		out = append(out, fr)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}
