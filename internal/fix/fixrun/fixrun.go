// Package fixrun runs the fix engine over the files of a check
// (`xylint fix`): it re-analyses each file with a fix round after round with
// the file's own configuration and suppressions (driver.Result.Reanalyze),
// writes the results atomically or renders them as a diff, and counts per
// rule what was fixed and what was left, and why.
package fixrun

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/safewrite"
)

// Options configure Run.
type Options struct {
	// Unsafe also applies unsafe fixes (--unsafe-fixes).
	Unsafe bool
	// Write writes the fixed files in place; otherwise Run only computes
	// them (--diff).
	Write bool
	// Jobs bounds the files fixed in parallel (<= 0: GOMAXPROCS, as the
	// check's analysis).
	Jobs int
	// Languages holds each language's verifier and formatter
	// (fix.Options.SyntaxErrors, Format). A language missing here is
	// fixed without verification.
	Languages map[lint.Language]fix.Options
	// Only, when not nil, holds for each path the findings to fix (as the
	// check reported them): the file's other findings are left alone in
	// every round, recognised by rule, message and the text they cover (an
	// old finding under --new-from-rev, when review suggests fixes for the
	// new ones). A path it does not hold is not fixed.
	Only map[string][]lint.Diagnostic
}

// File is one file that had fixes to try.
type File struct {
	Path string
	Abs  string
	// Old and New are the content before and after; in Write mode they are
	// dropped once the file is written (see Changed).
	Old, New []byte
	Report   *fix.Report
	changed  bool
	// notWritten is set when the fixed content could not be written: its
	// fixes are left, not made; written when it was.
	notWritten, written bool
	// Err is set when the file could not be re-analysed or written; New is
	// then not on disk.
	Err error
}

// Changed reports whether the fixes changed the file.
func (f *File) Changed() bool { return f.Err == nil && f.changed }

// Counts are one rule's totals.
type Counts struct {
	Fixed int
	Left  map[fix.Reason]int
}

// LeftTotal is the number of findings of the rule left.
func (c *Counts) LeftTotal() int {
	n := 0
	for _, v := range c.Left {
		n += v
	}
	return n
}

// Summary is what Run did.
type Summary struct {
	Files  []*File // files with fixes to try, by path
	ByRule map[*lint.Rule]*Counts
	// Left are the findings that remain, sorted by path and position
	// (positions refer to the fixed content).
	Left []fix.Left
}

// Fixed is the number of fixes applied in all files.
func (s *Summary) Fixed() int {
	n := 0
	for _, c := range s.ByRule {
		n += c.Fixed
	}
	return n
}

// Written counts the files written with their fixes.
func (s *Summary) Written() int {
	n := 0
	for _, f := range s.Files {
		if f.written {
			n++
		}
	}
	return n
}

// ChangedFiles counts the files the fixes change.
func (s *Summary) ChangedFiles() int {
	n := 0
	for _, f := range s.Files {
		if f.Changed() {
			n++
		}
	}
	return n
}

// Failed counts fixes that failed verification and files that could not be
// fixed (re-analysis or write errors): bugs or environment problems, which
// make `xylint fix` exit 2.
func (s *Summary) Failed() int {
	n := 0
	for _, f := range s.Files {
		if f.Err != nil {
			n++
		}
		if f.Report != nil {
			n += len(f.Report.Failed)
		}
	}
	return n
}

// Run fixes the files of res that have findings with a fix that opts
// allows. Files are re-read from disk by the driver's analysis only through
// res (their content as checked); writes go through
// fix.WriteIfUnchanged, so a file edited meanwhile is left alone.
func Run(ctx context.Context, res *driver.Result, opts Options) *Summary {
	sum := &Summary{ByRule: map[*lint.Rule]*Counts{}}
	var todo []*lint.FileResult
	for _, f := range res.Files {
		if len(f.Diagnostics) == 0 {
			continue
		}
		if opts.Only != nil {
			if len(opts.Only[f.Path]) == 0 {
				continue
			}
			g := *f
			g.Diagnostics = opts.Only[f.Path]
			f = &g
		}
		if hasApplicableFix(f.Diagnostics, opts.Unsafe) {
			todo = append(todo, f)
			continue
		}
		for _, d := range f.Diagnostics {
			sum.Left = append(sum.Left, fix.Left{Diagnostic: d, Reason: reasonWithoutRun(&d, opts.Unsafe)})
		}
	}
	files := make([]*File, len(todo))
	driver.Parallel(ctx, len(todo), opts.Jobs, func(i int) {
		files[i] = fixOne(ctx, res, todo[i], opts)
	})
	todoByPath := map[string]*lint.FileResult{}
	for _, f := range todo {
		todoByPath[f.Path] = f
	}
	for _, f := range files {
		if f == nil {
			continue // cancelled
		}
		sum.Files = append(sum.Files, f)
		if f.notWritten {
			// What was not written was not fixed: the check's findings
			// stay, as they were.
			for _, d := range todoByPath[f.Path].Diagnostics {
				reason := reasonWithoutRun(&d, opts.Unsafe)
				if hasApplicableFix([]lint.Diagnostic{d}, opts.Unsafe) {
					reason = fix.NotWritten
				}
				sum.Left = append(sum.Left, fix.Left{Diagnostic: d, Reason: reason})
			}
			continue
		}
		if f.Report == nil {
			continue
		}
		for _, a := range f.Report.Applied {
			sum.counts(a.Rule).Fixed++
		}
		sum.Left = append(sum.Left, f.Report.Left...)
		sum.Left = append(sum.Left, projectLeft(todoByPath[f.Path], f.Report)...)
	}
	for _, l := range sum.Left {
		sum.counts(l.Diagnostic.Rule).Left[l.Reason]++
	}
	slices.SortStableFunc(sum.Left, func(a, b fix.Left) int {
		return cmp.Or(cmp.Compare(a.Diagnostic.Path, b.Diagnostic.Path),
			cmp.Compare(a.Diagnostic.Range.Start.Offset, b.Diagnostic.Range.Start.Offset),
			cmp.Compare(a.Diagnostic.Rule.Code, b.Diagnostic.Rule.Code))
	})
	return sum
}

// projectLeft returns the findings of the check that the fix rounds could
// not see: the rounds re-analyse one file, and a producer may not reproduce
// the findings of a rule's project-wide phase (cross-file facts) there
// (the Python producer reproduces those of the rules that reported into
// the file at check time). For each rule,
// as many of the check's findings as the rounds neither fixed nor left are
// kept as they were (NoFix, original positions), preferring those whose
// message the rounds did not report (a fix of one rule can change another
// finding's message, which is not a lost finding).
func projectLeft(orig *lint.FileResult, rep *fix.Report) []fix.Left {
	if orig == nil {
		return nil
	}
	type key struct{ code, msg string }
	seen := map[key]int{}
	missing := map[string]int{}
	for _, d := range orig.Diagnostics {
		missing[d.Rule.Code]++
	}
	for _, l := range rep.Left {
		seen[key{l.Diagnostic.Rule.Code, l.Diagnostic.Message}]++
		missing[l.Diagnostic.Rule.Code]--
	}
	for _, a := range rep.Applied {
		seen[key{a.Rule.Code, a.Diagnostic}]++
		missing[a.Rule.Code]--
	}
	var out []fix.Left
	for _, d := range orig.Diagnostics {
		k := key{d.Rule.Code, d.Message}
		if seen[k] > 0 {
			seen[k]--
			continue
		}
		if missing[d.Rule.Code] > 0 {
			missing[d.Rule.Code]--
			out = append(out, fix.Left{Diagnostic: d, Reason: fix.NoFix})
		}
	}
	return out
}

func (s *Summary) counts(r *lint.Rule) *Counts {
	c := s.ByRule[r]
	if c == nil {
		c = &Counts{Left: map[fix.Reason]int{}}
		s.ByRule[r] = c
	}
	return c
}

// identity is what recognises a finding across fix rounds, whose offsets
// shift: its rule, message and the text it covers.
func identity(src []byte, d *lint.Diagnostic) string {
	text := ""
	if s, e := d.Range.Start.Offset, d.Range.End.Offset; 0 <= s && s <= e && e <= len(src) {
		text = string(src[s:e])
	}
	return d.Rule.Code + "\x00" + d.Message + "\x00" + text
}

func hasApplicableFix(ds []lint.Diagnostic, unsafe bool) bool {
	for i := range ds {
		if ds[i].Fix != nil && len(ds[i].Fix.Edits) > 0 && (unsafe || fix.Safety(&ds[i]) == lint.Safe) {
			return true
		}
	}
	return false
}

func reasonWithoutRun(d *lint.Diagnostic, unsafe bool) fix.Reason {
	if d.Fix == nil || len(d.Fix.Edits) == 0 {
		return fix.NoFix
	}
	return fix.UnsafeFix
}

// write writes fixed over the file of in, which held old when it was
// analysed: only the file the walk found (in.Real, within the paths given
// unless named), only if it still holds old, never a read-only file, keeping
// owner, mode and links (safewrite.Replace).
func write(in driver.Input, old, fixed []byte) error {
	target := in.Abs
	if in.Real != "" {
		now, err := filepath.EvalSymlinks(in.Abs)
		if err != nil {
			return fmt.Errorf("not written: %w", err)
		}
		if now != in.Real {
			return fmt.Errorf("not written: the path now leads to %s, not to the file that was checked (%s)", now, in.Real)
		}
		target = in.Real
	}
	if err := fix.WriteIfUnchanged(target, old, fixed); err != nil {
		if errors.Is(err, safewrite.ErrReadOnly) || errors.Is(err, fix.ErrChanged) {
			return err
		}
		return fmt.Errorf("writing the fixed file: %w", err)
	}
	return nil
}

func fixOne(ctx context.Context, res *driver.Result, f *lint.FileResult, opts Options) *File {
	in, _ := res.Input(f.Path)
	out := &File{Path: f.Path, Abs: in.Abs, Old: f.Src, New: f.Src}
	fo := opts.Languages[f.Language]
	fo.Unsafe = opts.Unsafe
	fo.Importable = func(module string) error { return res.Importable(f.Path, module) }
	var others map[string]int // with Only: the findings not to fix
	if opts.Only != nil {
		all, err := res.Reanalyze(f.Path, f.Src)
		if err != nil {
			out.Err = err
			return out
		}
		others = map[string]int{}
		for i := range all.Diagnostics {
			others[identity(f.Src, &all.Diagnostics[i])]++
		}
		for i := range f.Diagnostics {
			others[identity(f.Src, &f.Diagnostics[i])]--
		}
	}
	analyze := func(src []byte) (fix.Analysis, error) {
		if err := ctx.Err(); err != nil {
			return fix.Analysis{}, err // interrupted: no more rounds
		}
		r, err := res.Reanalyze(f.Path, src)
		if err != nil {
			return fix.Analysis{}, err
		}
		an := fix.FromResult(r)
		if others != nil {
			left := maps.Clone(others)
			an.Diagnostics = slices.DeleteFunc(slices.Clone(an.Diagnostics), func(d lint.Diagnostic) bool {
				k := identity(src, &d)
				if left[k] > 0 {
					left[k]--
					return true
				}
				return false
			})
		}
		return an, nil
	}
	// The check already analysed the file: the first round starts there.
	initial := fix.FromResult(f)
	fo.Initial = &initial
	newSrc, rep, err := fix.FixFile(f.Path, f.Src, analyze, fo)
	if ctx.Err() != nil {
		return nil // interrupted: the file stays as it was
	}
	out.Report = rep
	if err != nil {
		out.Err = err
		return out
	}
	out.New = newSrc
	out.changed = !fix.Equal(f.Src, newSrc)
	if ctx.Err() != nil {
		return nil // interrupted: the file stays as it was
	}
	if opts.Write && out.changed {
		err := write(in, f.Src, newSrc)
		out.written = err == nil
		if err != nil {
			out.Err = err
			out.notWritten = true
		}
	}
	if opts.Write && out.Err == nil {
		out.Old, out.New = nil, nil
	}
	f.Src = nil
	return out
}

// WriteDiff writes the unified diff of every changed file, in path order.
func WriteDiff(w io.Writer, s *Summary) error {
	// The diffs are computed on every core (serial, they were ~15% of a
	// `fix --diff` of python-docs-samples) and written in order.
	diffs := make([]string, len(s.Files))
	driver.Parallel(context.Background(), len(s.Files), 0, func(i int) {
		if f := s.Files[i]; f.Changed() {
			diffs[i] = fix.Diff(f.Path, f.Old, f.New)
		}
	})
	for _, d := range diffs {
		if _, err := io.WriteString(w, d); err != nil {
			return err
		}
	}
	return nil
}

// WriteLeft lists the findings left, one per line, with the reason.
func WriteLeft(w io.Writer, s *Summary) error {
	for _, l := range s.Left {
		d := l.Diagnostic
		why := string(l.Reason)
		switch l.Reason {
		case fix.UnsafeFix:
			why = "unsafe fix: use --unsafe-fixes"
		case fix.NoFix:
			why = ""
		case fix.Withheld:
			why = "fix withheld: " + l.Detail
		}
		line := fmt.Sprintf("%s:%d:%d: %s: %s %s", escape.Text(d.Path), d.Range.Start.Line, d.Range.Start.Column, d.Severity, d.Rule.ID(), escape.Text(d.Message))
		if why != "" {
			line += " (" + escape.Text(why) + ")"
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

// WriteErrors writes what failed: files that could not be fixed or
// written, and fixes whose result did not verify (each a bug in that fix).
func WriteErrors(w io.Writer, s *Summary) {
	for _, f := range s.Files {
		if f.Err != nil {
			fmt.Fprintf(w, "xylint: error: %s: %s\n", escape.Text(f.Path), escape.Text(f.Err.Error()))
		}
		if f.Report == nil {
			continue
		}
		for _, x := range f.Report.Failed {
			fmt.Fprintf(w, "xylint: error: %s: the fix of %s (%q) was not applied: %s; this is a bug in the fix, please report it\n",
				escape.Text(f.Path), x.Rule.ID(), x.Message, escape.Text(x.Err))
		}
	}
}

// WriteSummary writes the per-rule counts:
//
//	Fixed 12 findings in 5 files; 8 left.
//	  XY004 [broad-except]  fixed 3  left 4 (no fix: 2, unsafe: 2)
func WriteSummary(w io.Writer, s *Summary, dryRun bool) error {
	verb := "Fixed"
	if dryRun {
		verb = "Would fix"
	}
	fmt.Fprintf(w, "%s %s in %s; %s left.\n", verb, plural(s.Fixed(), "finding"), plural(s.ChangedFiles(), "file"), plural(len(s.Left), "finding"))
	rules := make([]*lint.Rule, 0, len(s.ByRule))
	for r := range s.ByRule {
		rules = append(rules, r)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].Code < rules[j].Code })
	width := 0
	for _, r := range rules {
		width = max(width, len(r.ID()))
	}
	for _, r := range rules {
		c := s.ByRule[r]
		line := fmt.Sprintf("  %-*s  fixed %d  left %d", width, r.ID(), c.Fixed, c.LeftTotal())
		var why []string
		for _, reason := range []fix.Reason{fix.NoFix, fix.UnsafeFix, fix.Withheld, fix.Conflict, fix.Failed, fix.SyntaxErrors, fix.NotWritten} {
			if n := c.Left[reason]; n > 0 {
				why = append(why, fmt.Sprintf("%s: %d", reason, n))
			}
		}
		if len(why) > 0 {
			line += " (" + strings.Join(why, ", ") + ")"
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	return nil
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
