package fix

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
)

// Analyze analyses one version of a file and returns its diagnostics, with
// suppressions already applied (a finding under `# noqa` must not be
// fixed). It is called once per round with the file's current content.
type Analyze func(src []byte) (Analysis, error)

// Analysis is what Analyze found in one version of a file.
type Analysis struct {
	Diagnostics []lint.Diagnostic
	// Parsed is true when the analysis parsed the file; SyntaxErrors is
	// then its number of syntax error regions, and the engine need not
	// parse it again to verify it. When Parsed is false the engine uses
	// Options.SyntaxErrors.
	Parsed       bool
	SyntaxErrors int
}

// FromResult is the Analysis of a lint.FileResult.
func FromResult(r *lint.FileResult) Analysis {
	return Analysis{Diagnostics: r.Diagnostics, Parsed: r.Parsed, SyntaxErrors: r.SyntaxErrors}
}

// Options configure FixFile.
type Options struct {
	// Unsafe also applies fixes whose safety is lint.Unsafe.
	Unsafe bool
	// MaxRounds bounds the analyse-apply rounds (default DefaultMaxRounds).
	MaxRounds int
	// SyntaxErrors counts the syntax error regions of a version of the file
	// (for Python: the ERROR and MISSING nodes tree-sitter reports). A file
	// whose input has errors is not fixed at all; a round whose result has
	// errors is undone and its fixes retried one by one. Nil: no check.
	SyntaxErrors func(src []byte) int
	// Format, when set, normalises every round's result (Go: gofmt). An
	// error counts like a syntax error.
	Format func(src []byte) ([]byte, error)
	// Initial, when set, is the analysis of the input (the check that came
	// before already made it): the first round does not analyse it again.
	Initial *Analysis
}

// DefaultMaxRounds is the default bound on rounds. Every fix xylint has
// settles in one or two rounds (a second one when two fixes want the same
// place); more rounds mean a fix does not converge, which is a bug.
const DefaultMaxRounds = 10

// Reason says what became of a finding.
type Reason string

const (
	Fixed        Reason = "fixed"
	NoFix        Reason = "no fix"   // the rule offers no fix for this finding
	UnsafeFix    Reason = "unsafe"   // the fix is unsafe and --unsafe-fixes was not given
	Conflict     Reason = "conflict" // the fix overlapped others in every round
	Failed       Reason = "failed"   // applying the fix broke the file: a bug in the fix
	SyntaxErrors Reason = "syntax errors"
)

// Applied is one fix that was applied.
type Applied struct {
	Rule       *lint.Rule
	Message    string // the fix's message
	Diagnostic string // the message of the diagnostic it fixed
	Round      int
}

// Left is a finding that remains in the result, and why.
type Left struct {
	Diagnostic lint.Diagnostic // positions refer to the result
	Reason     Reason
}

// FailedFix is a fix that was rejected because its result did not verify.
type FailedFix struct {
	Rule    *lint.Rule
	Message string // the diagnostic's message
	Err     string // what was wrong with the result
}

// Report is what FixFile did to one file.
type Report struct {
	Path    string
	Rounds  int // analyse-apply rounds that applied something
	Applied []Applied
	Left    []Left
	Failed  []FailedFix
	// Converged is false when fixes were still applicable after MaxRounds
	// rounds: a fix that does not settle. The original content is returned
	// and every applied fix is reported as failed.
	Converged bool
	// Skipped says why the file was left untouched as a whole ("the file has
	// syntax errors"), or "".
	Skipped string
}

// Fixed counts the applied fixes of rule r (all rules when r is nil).
func (r *Report) Fixed(rule *lint.Rule) int {
	n := 0
	for _, a := range r.Applied {
		if rule == nil || a.Rule == rule {
			n++
		}
	}
	return n
}

// FixFile applies the fixes of the diagnostics that analyze reports on src,
// round after round, until no fix applies (see the package documentation).
// It never modifies src. The error is analyze's: the file could not be
// analysed at all, and src is returned.
func FixFile(path string, src []byte, analyze Analyze, opts Options) ([]byte, *Report, error) {
	rounds := opts.MaxRounds
	if rounds <= 0 {
		rounds = DefaultMaxRounds
	}
	rep := &Report{Path: path, Converged: true}
	var an Analysis
	if opts.Initial != nil {
		an = *opts.Initial
	} else {
		var err error
		if an, err = analyze(src); err != nil {
			return src, rep, err
		}
	}
	diags := an.Diagnostics
	if syntaxErrors(src, an, opts) > 0 {
		rep.Skipped = "the file has syntax errors"
		for _, d := range diags {
			rep.Left = append(rep.Left, Left{d, SyntaxErrors})
		}
		return src, rep, nil
	}
	failed := map[string]bool{}
	cur := src
	for round := 1; ; round++ {
		cands := candidates(cur, diags, opts.Unsafe, failed)
		if len(cands) == 0 {
			break
		}
		if round > rounds {
			rep.Converged = false
			break
		}
		chosen := choose(cands)
		next, nextAn, ok, err := verifiedApply(cur, chosen, analyze, opts, rep, failed)
		if err != nil {
			return src, rep, fmt.Errorf("%s: analysing the fixed content (round %d): %w", path, round, err)
		}
		if !ok {
			// Every chosen fix failed on its own; they are marked, the
			// next round chooses among the others.
			continue
		}
		for _, c := range chosen {
			if c.ok {
				rep.Applied = append(rep.Applied, Applied{Rule: c.diag.Rule, Message: c.diag.Fix.Message, Diagnostic: c.diag.Message, Round: round})
			}
		}
		rep.Rounds = round
		cur, diags = next, nextAn.Diagnostics
	}
	if !rep.Converged {
		for _, a := range rep.Applied {
			rep.Failed = append(rep.Failed, FailedFix{Rule: a.Rule, Message: a.Message,
				Err: fmt.Sprintf("fixes still applied after %d rounds: a fix does not converge", rounds)})
		}
		rep.Applied = nil
		orig, _ := analyze(src)
		for _, d := range orig.Diagnostics {
			rep.Left = append(rep.Left, Left{d, Failed})
		}
		return src, rep, nil
	}
	for _, d := range diags {
		rep.Left = append(rep.Left, Left{d, leftReason(cur, d, opts.Unsafe, failed)})
	}
	return cur, rep, nil
}

// Safety is the effective safety of d's fix: the fix's own, else its rule's;
// a fix whose safety is unknown is unsafe.
func Safety(d *lint.Diagnostic) lint.FixSafety {
	if d.Fix == nil {
		return lint.NoFix
	}
	s := d.Fix.Safety
	if s == lint.NoFix && d.Rule != nil {
		s = d.Rule.FixSafety
	}
	if s == lint.NoFix {
		s = lint.Unsafe
	}
	return s
}

func leftReason(src []byte, d lint.Diagnostic, unsafe bool, failed map[string]bool) Reason {
	switch {
	case d.Fix == nil || len(d.Fix.Edits) == 0:
		return NoFix
	case failed[fingerprint(src, &d)]:
		return Failed
	case Safety(&d) == lint.Unsafe && !unsafe:
		return UnsafeFix
	}
	return Conflict
}

// candidate is a diagnostic whose fix may be applied this round.
type candidate struct {
	diag  *lint.Diagnostic
	edits []lint.Edit // sorted, validated
	fp    string
	ok    bool // applied (set by verifiedApply)
}

// candidates returns the applicable fixes in a deterministic order: by the
// position of their first edit, then rule code and message.
func candidates(src []byte, diags []lint.Diagnostic, unsafe bool, failed map[string]bool) []*candidate {
	var cs []*candidate
	for i := range diags {
		d := &diags[i]
		if d.Fix == nil || len(d.Fix.Edits) == 0 || (Safety(d) == lint.Unsafe && !unsafe) {
			continue
		}
		fp := fingerprint(src, d)
		if failed[fp] {
			continue
		}
		edits, err := normalize(src, d.Fix.Edits)
		if err != nil {
			failed[fp] = true
			continue
		}
		cs = append(cs, &candidate{diag: d, edits: edits, fp: fp})
	}
	slices.SortStableFunc(cs, func(a, b *candidate) int {
		return cmp.Or(
			cmp.Compare(a.edits[0].Start, b.edits[0].Start),
			cmp.Compare(a.edits[0].End, b.edits[0].End),
			strings.Compare(a.diag.Rule.Code, b.diag.Rule.Code),
			cmp.Compare(a.diag.Range.Start.Offset, b.diag.Range.Start.Offset),
			strings.Compare(a.diag.Message, b.diag.Message),
		)
	})
	return cs
}

// fingerprint identifies a fix across rounds, whose offsets shift: its
// rule, the diagnostic's message and text, and the inserted texts.
func fingerprint(src []byte, d *lint.Diagnostic) string {
	var b strings.Builder
	b.WriteString(d.Rule.Code)
	b.WriteByte(0)
	b.WriteString(d.Message)
	b.WriteByte(0)
	s, e := d.Range.Start.Offset, d.Range.End.Offset
	if 0 <= s && s <= e && e <= len(src) {
		b.Write(src[s:e])
	}
	if d.Fix != nil {
		for _, ed := range d.Fix.Edits {
			b.WriteByte(0)
			b.WriteString(ed.New)
		}
	}
	return b.String()
}

// normalize sorts a fix's edits (insertions before replacements that start
// at the same offset), drops exact duplicates and rejects edits outside src
// or overlapping each other.
func normalize(src []byte, edits []lint.Edit) ([]lint.Edit, error) {
	es := slices.Clone(edits)
	slices.SortStableFunc(es, compareEdits)
	es = slices.Compact(es)
	for i, e := range es {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("edit [%d,%d) outside the file (%d bytes)", e.Start, e.End, len(src))
		}
		if i > 0 && overlaps(es[i-1], e) {
			return nil, fmt.Errorf("edits [%d,%d) and [%d,%d) overlap", es[i-1].Start, es[i-1].End, e.Start, e.End)
		}
	}
	return es, nil
}

func compareEdits(a, b lint.Edit) int {
	return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.New, b.New))
}

// overlaps reports whether two distinct edits cannot both be applied
// unambiguously: their ranges intersect, or both insert at one point (the
// order of the two insertions would be arbitrary). An insertion at either
// end of a replacement is fine: it goes before or after it.
func overlaps(a, b lint.Edit) bool {
	if a == b {
		return false
	}
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End
}

// choose picks, in order, the candidates none of whose edits conflict with
// an edit already chosen. Edits identical to a chosen one are shared, not
// conflicts: two print fixes in one file both add `import logging` at the
// same place, and it is added once.
func choose(cs []*candidate) []*candidate {
	var chosen []*candidate
	var taken []lint.Edit
	for _, c := range cs {
		if conflicts(taken, c.edits) {
			continue
		}
		chosen = append(chosen, c)
		taken = append(taken, c.edits...)
	}
	return chosen
}

func conflicts(taken, edits []lint.Edit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if overlaps(t, e) {
				return true
			}
		}
	}
	return false
}

// verifiedApply applies the chosen fixes together and analyses the result;
// when it does not verify, it tries each fix alone and applies those that
// verify (together, or the first alone when even the good ones break the
// file together). Fixes that fail alone are marked failed. ok is false
// when nothing could be applied; err is analyze's.
func verifiedApply(src []byte, chosen []*candidate, analyze Analyze, opts Options, rep *Report, failed map[string]bool) (next []byte, an Analysis, ok bool, err error) {
	next, an, verr, err := applyVerified(src, chosen, analyze, opts)
	if err != nil || verr == nil {
		for _, c := range chosen {
			c.ok = err == nil
		}
		return next, an, err == nil, err
	}
	var good []*candidate
	for _, c := range chosen {
		if _, _, verr, err := applyVerified(src, []*candidate{c}, analyze, opts); err != nil {
			return nil, an, false, err
		} else if verr != nil {
			failed[c.fp] = true
			rep.Failed = append(rep.Failed, FailedFix{Rule: c.diag.Rule, Message: c.diag.Message, Err: verr.Error()})
			continue
		}
		good = append(good, c)
	}
	if len(good) == 0 {
		return nil, an, false, nil
	}
	if len(good) < len(chosen) {
		next, an, verr, err = applyVerified(src, good, analyze, opts)
		if err != nil {
			return nil, an, false, err
		}
		if verr == nil {
			for _, c := range good {
				c.ok = true
			}
			return next, an, true, nil
		}
	}
	// The good fixes break the file only together: apply the first now, the
	// others are chosen again in the next round.
	next, an, _, err = applyVerified(src, good[:1], analyze, opts)
	good[0].ok = err == nil
	return next, an, err == nil, err
}

// applyVerified applies the fixes cs, formats and analyses the result. verr
// says why the result is rejected (bad edits, a formatter error, syntax
// errors); err is analyze's.
func applyVerified(src []byte, cs []*candidate, analyze Analyze, opts Options) (out []byte, an Analysis, verr, err error) {
	var edits []lint.Edit
	for _, c := range cs {
		edits = append(edits, c.edits...)
	}
	out, verr = Apply(src, edits)
	if verr != nil {
		return nil, an, verr, nil
	}
	if opts.Format != nil {
		if out, verr = opts.Format(out); verr != nil {
			return nil, an, fmt.Errorf("formatting the result: %v", verr), nil
		}
	}
	if an, err = analyze(out); err != nil {
		return nil, an, nil, err
	}
	if n := syntaxErrors(out, an, opts); n > 0 {
		return nil, an, fmt.Errorf("the result has %d syntax error region(s) where the input had none", n), nil
	}
	return out, an, nil, nil
}

// syntaxErrors counts src's syntax errors: from the analysis when it parsed
// the file, else with Options.SyntaxErrors (0 without it).
func syntaxErrors(src []byte, an Analysis, opts Options) int {
	if an.Parsed {
		return an.SyntaxErrors
	}
	if opts.SyntaxErrors != nil {
		return opts.SyntaxErrors(src)
	}
	return 0
}

// Apply applies edits to src and returns a new slice. Edits may come in any
// order; identical edits are applied once; overlapping ones are an error
// (see the package documentation for insertions at one point).
func Apply(src []byte, edits []lint.Edit) ([]byte, error) {
	es, err := normalize(src, edits)
	if err != nil {
		return nil, err
	}
	size := len(src)
	for _, e := range es {
		size += len(e.New) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range es {
		out = append(out, src[last:e.Start]...)
		out = append(out, e.New...)
		last = e.End
	}
	out = append(out, src[last:]...)
	return out, nil
}

// Equal reports whether a fix changed nothing.
func Equal(a, b []byte) bool { return bytes.Equal(a, b) }
