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
	// Runtime is what this version needs when it runs, when the analysis
	// computed it; else (or for the unbound names, when it counted none:
	// ImportsOnly) the engine asks Options.Runtime.
	Runtime *lint.Runtime
}

// FromResult is the Analysis of a lint.FileResult.
func FromResult(r *lint.FileResult) Analysis {
	return Analysis{Diagnostics: r.Diagnostics, Parsed: r.Parsed, SyntaxErrors: r.SyntaxErrors, Runtime: r.Runtime}
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
	// Runtime computes what a version of the file needs when it runs
	// (lint.Runtime: its imports, its names that nothing binds), for the
	// versions whose analysis did not. With it, a round whose result has a
	// name unbound at run time that the input had not is rejected like a
	// syntax error (a fix using `logger` that exists only under `if
	// TYPE_CHECKING:`). Nil, and the analyses carry none: no such check.
	Runtime func(src []byte) *lint.Runtime
	// Importable says whether the code can import module where it runs.
	// A round whose result imports a module that the input did not, and
	// that Importable rejects, is undone and the fix that adds the import
	// is withheld (Reason Withheld, Importable's error as the Left's
	// Detail: it should say which setting would allow it). Nil: imports
	// are not checked.
	Importable func(module string) error
	// Invariant, when set, is a property of the file no fix may change
	// (Go: its build constraints): a round whose result's differs from the
	// input's is rejected like a syntax error.
	Invariant func(src []byte) string
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
	// Withheld: the fix would add an import the code cannot resolve where it
	// runs (Left.Detail says which and the setting that would allow it).
	Withheld Reason = "withheld"
	// NotWritten: the fix was made in memory but the file could not be
	// written (read-only, changed meanwhile, a write error).
	NotWritten Reason = "not written"
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
	Detail     string // for Withheld: why, and what would allow the fix
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
			rep.Left = append(rep.Left, Left{Diagnostic: d, Reason: SyntaxErrors})
		}
		return src, rep, nil
	}
	st := &state{failed: map[string]bool{}, withheld: map[string]string{}}
	if opts.Invariant != nil {
		st.invariant = opts.Invariant(src)
	}
	st.runtime = runtimeOf(src, an, opts)
	cur := src
	for round := 1; ; round++ {
		cands := candidates(cur, diags, opts.Unsafe, st)
		if len(cands) == 0 {
			break
		}
		if round > rounds {
			rep.Converged = false
			break
		}
		chosen := choose(cands)
		next, nextAn, ok, err := verifiedApply(cur, chosen, analyze, opts, rep, st)
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
		st.runtime = runtimeOf(cur, nextAn, opts)
	}
	if !rep.Converged {
		for _, a := range rep.Applied {
			rep.Failed = append(rep.Failed, FailedFix{Rule: a.Rule, Message: a.Message,
				Err: fmt.Sprintf("fixes still applied after %d rounds: a fix does not converge", rounds)})
		}
		rep.Applied = nil
		orig, _ := analyze(src)
		for _, d := range orig.Diagnostics {
			rep.Left = append(rep.Left, Left{Diagnostic: d, Reason: Failed})
		}
		return src, rep, nil
	}
	for _, d := range diags {
		reason, detail := leftReason(cur, d, opts.Unsafe, st)
		rep.Left = append(rep.Left, Left{Diagnostic: d, Reason: reason, Detail: detail})
	}
	return cur, rep, nil
}

// state is what FixFile knows across rounds.
type state struct {
	failed    map[string]bool   // fingerprints of fixes that broke the file
	withheld  map[string]string // fingerprints of fixes withheld, and why
	invariant string            // Options.Invariant of the input
	runtime   *lint.Runtime     // of the current version (nil: not checked)
}

// runtimeOf is what src (analysed as an) needs at run time, or nil when
// neither the analysis nor Options.Runtime says.
// An analysis that counted no unbound names (lint.Runtime.ImportsOnly)
// keeps its imports (resolved against the file's module, which
// Options.Runtime may not know) and takes the names from Options.Runtime.
func runtimeOf(src []byte, an Analysis, opts Options) *lint.Runtime {
	if an.Runtime != nil && !an.Runtime.ImportsOnly {
		return an.Runtime
	}
	if opts.Runtime == nil {
		return nil
	}
	rt := opts.Runtime(src)
	if rt == nil || an.Runtime == nil {
		return rt
	}
	return &lint.Runtime{Imports: an.Runtime.Imports, Unbound: rt.Unbound}
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

func leftReason(src []byte, d lint.Diagnostic, unsafe bool, st *state) (Reason, string) {
	if d.Fix == nil || len(d.Fix.Edits) == 0 {
		return NoFix, ""
	}
	fp := fingerprint(src, &d)
	switch {
	case st.failed[fp]:
		return Failed, ""
	case st.withheld[fp] != "":
		return Withheld, st.withheld[fp]
	case Safety(&d) == lint.Unsafe && !unsafe:
		return UnsafeFix, ""
	}
	return Conflict, ""
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
func candidates(src []byte, diags []lint.Diagnostic, unsafe bool, st *state) []*candidate {
	var cs []*candidate
	for i := range diags {
		d := &diags[i]
		if d.Fix == nil || len(d.Fix.Edits) == 0 || (Safety(d) == lint.Unsafe && !unsafe) {
			continue
		}
		fp := fingerprint(src, d)
		if st.failed[fp] || st.withheld[fp] != "" {
			continue
		}
		edits, err := normalize(src, d.Fix.Edits)
		if err != nil {
			st.failed[fp] = true
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
	var taken takenEdits
	for _, c := range cs {
		if taken.conflicts(c.edits) {
			continue
		}
		chosen = append(chosen, c)
		taken.add(c.edits)
	}
	return chosen
}

// takenEdits are the edits chosen so far, bucketed by position so that a
// candidate is compared with the edits near its own, not with all of them:
// a generated file with thousands of fixes made choose quadratic (a 2 MB
// file took 50 s to fix). Identical edits are kept once (every print fix
// adds the same import).
type takenEdits struct {
	buckets map[int][]lint.Edit
	seen    map[lint.Edit]bool
}

// bucketSize is the width in bytes of the file ranges edits are bucketed
// by.
const bucketSize = 1 << 12

// span is the range of buckets edit e touches (its ends included: an
// insertion at either end of a replacement must be compared with it).
func span(e lint.Edit) (int, int) { return e.Start / bucketSize, e.End / bucketSize }

func (t *takenEdits) add(edits []lint.Edit) {
	if t.buckets == nil {
		t.buckets, t.seen = map[int][]lint.Edit{}, map[lint.Edit]bool{}
	}
	for _, e := range edits {
		if t.seen[e] {
			continue
		}
		t.seen[e] = true
		lo, hi := span(e)
		for b := lo; b <= hi; b++ {
			t.buckets[b] = append(t.buckets[b], e)
		}
	}
}

func (t *takenEdits) conflicts(edits []lint.Edit) bool {
	for _, e := range edits {
		if t.seen[e] {
			continue
		}
		lo, hi := span(e)
		for b := lo; b <= hi; b++ {
			for _, x := range t.buckets[b] {
				if overlaps(x, e) || touches(x, e) {
					return true
				}
			}
		}
	}
	return false
}

// touches reports whether an insertion of one fix lands at an end of
// another fix's replacement. Within one fix that is fine (the fix wrote
// both); between two fixes the insertion was computed against the text the
// replacement changes: a line inserted at the start of a block that another
// fix re-indents keeps the old indentation (IndentationError). Such a fix
// waits for the next round, where it is computed on the new text.
func touches(a, b lint.Edit) bool {
	at := func(ins, r lint.Edit) bool {
		return ins.Start == ins.End && r.Start < r.End && (ins.Start == r.Start || ins.Start == r.End)
	}
	return at(a, b) || at(b, a)
}

// verifiedApply applies the chosen fixes together and analyses the result;
// when it does not verify, it tries each fix alone and applies those that
// verify (together, or the first alone when even the good ones break the
// file together). Fixes that fail alone are marked failed, or withheld
// when what is wrong is an import the code cannot resolve. ok is false
// when nothing could be applied; err is analyze's.
func verifiedApply(src []byte, chosen []*candidate, analyze Analyze, opts Options, rep *Report, st *state) (next []byte, an Analysis, ok bool, err error) {
	next, an, rej, err := applyVerified(src, chosen, analyze, opts, st)
	if err != nil || rej == nil {
		for _, c := range chosen {
			c.ok = err == nil
		}
		return next, an, err == nil, err
	}
	var good []*candidate
	for _, c := range chosen {
		if len(chosen) == 1 {
			// Alone already.
		} else if _, _, rej, err = applyVerified(src, []*candidate{c}, analyze, opts, st); err != nil {
			return nil, an, false, err
		}
		switch {
		case rej == nil:
			good = append(good, c)
		case rej.withheld:
			st.withheld[c.fp] = rej.msg
		default:
			st.failed[c.fp] = true
			rep.Failed = append(rep.Failed, FailedFix{Rule: c.diag.Rule, Message: c.diag.Message, Err: rej.msg})
		}
	}
	if len(good) == 0 {
		return nil, an, false, nil
	}
	if len(good) < len(chosen) {
		next, an, rej, err = applyVerified(src, good, analyze, opts, st)
		if err != nil {
			return nil, an, false, err
		}
		if rej == nil {
			for _, c := range good {
				c.ok = true
			}
			return next, an, true, nil
		}
	}
	// The good fixes break the file only together: apply the first now, the
	// others are chosen again in the next round.
	next, an, _, err = applyVerified(src, good[:1], analyze, opts, st)
	good[0].ok = err == nil
	return next, an, err == nil, err
}

// rejection says why a round's result is not taken: a bug in a fix (bad
// edits, a formatter error, a syntax error, a name left unbound, an
// invariant changed), or withheld: an import the code cannot resolve.
type rejection struct {
	msg      string
	withheld bool
}

// applyVerified applies the fixes cs, formats and analyses the result, and
// verifies it against the version it was applied to (st). rej says why the
// result is rejected; err is analyze's.
func applyVerified(src []byte, cs []*candidate, analyze Analyze, opts Options, st *state) (out []byte, an Analysis, rej *rejection, err error) {
	var edits []lint.Edit
	for _, c := range cs {
		edits = append(edits, c.edits...)
	}
	out, verr := Apply(src, edits)
	if verr != nil {
		return nil, an, &rejection{msg: verr.Error()}, nil
	}
	if opts.Format != nil {
		if out, verr = opts.Format(out); verr != nil {
			return nil, an, &rejection{msg: fmt.Sprintf("formatting the result: %v", verr)}, nil
		}
	}
	if an, err = analyze(out); err != nil {
		return nil, an, nil, err
	}
	if n := syntaxErrors(out, an, opts); n > 0 {
		return nil, an, &rejection{msg: fmt.Sprintf("the result has %d syntax error region(s) where the input had none", n)}, nil
	}
	if opts.Invariant != nil {
		if got := opts.Invariant(out); got != st.invariant {
			return nil, an, &rejection{msg: fmt.Sprintf("the result changes what must not change (%q became %q)", st.invariant, got)}, nil
		}
	}
	if st.runtime != nil {
		rt := runtimeOf(out, an, opts)
		if rt == nil {
			return out, an, nil, nil
		}
		if names := rt.NewUnbound(st.runtime); len(names) > 0 {
			return nil, an, &rejection{msg: fmt.Sprintf("the result uses %s, which nothing binds when the code runs (bound nowhere, or only for type checkers)", quoteList(names))}, nil
		}
		if opts.Importable != nil {
			for _, m := range rt.NewImports(st.runtime) {
				if err := opts.Importable(m); err != nil {
					return nil, an, &rejection{msg: err.Error(), withheld: true}, nil
				}
			}
		}
	}
	return out, an, nil, nil
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q, ", ")
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
