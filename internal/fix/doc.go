// Package fix is xylint's fix engine: it applies the fixes that rules
// attach to their diagnostics (lint.Diagnostic.Fix) to one file, in memory,
// with guarantees that make the result safe to commit without a person
// looking at every line.
//
// The package is language-neutral and has no cgo: Python fixes and Go fixes
// (go/analysis SuggestedFixes converted to lint.Fix by internal/golang) go
// through the same engine; a language plugs in a verifier
// (Options.SyntaxErrors: for Python pyedit.SyntaxErrors, tree-sitter's ERROR
// and MISSING nodes) and, for Go, a formatter (Options.Format, gofmt).
//
// # The engine
//
//	newSrc, report, err := fix.FixFile(path, src, analyze, fix.Options{
//		Unsafe:       unsafe,
//		SyntaxErrors: pyedit.SyntaxErrors,
//	})
//
// analyze returns the Analysis of one version of the file: its
// diagnostics, suppressions applied (driver.Result.Reanalyze does that for
// files of a run; the migration bot passes its own, working on content
// fetched from GitHub), and, when it parsed the file, its number of syntax
// error regions (so that verifying a round's result and analysing it for
// the next round take one parse, not two). Options.Initial passes the
// analysis a check already made of the input. FixFile then repeats rounds,
// at most Options.MaxRounds (10):
//
//  1. Take the diagnostics with a fix that may be applied (safe, or unsafe
//     with Options.Unsafe; a fix's Safety, else its rule's FixSafety; a fix
//     with neither counts as unsafe) and that has not failed before.
//  2. Order them deterministically (by first edit, rule code, position,
//     message) and choose greedily those whose edits do not conflict with
//     the edits already chosen. Edits conflict when their ranges intersect,
//     when both insert at the same point with different text, or when one
//     inserts at an end of another fix's replacement (it was computed
//     against the text the replacement changes: a line inserted where
//     another fix re-indents a block keeps the old indentation). An edit
//     identical to a chosen one is shared, not a conflict: every print fix
//     in a file adds the same `import logging`, which goes in once. Fixes
//     left out are retried in the next round, against the new content.
//  3. Apply the chosen edits, format (if Options.Format), analyse and
//     verify against the version the round started from: the result must
//     have no syntax error (the input had none, or the file would not have
//     been touched; Options.SyntaxErrors counts them when the analysis did
//     not parse the file); it must keep Options.Invariant (Go: the build
//     constraints); it must use no name that nothing binds at run time
//     that the input did not (lint.Runtime, from the analysis or
//     Options.Runtime: a name bound only under `if TYPE_CHECKING:` does not
//     count); and every module it imports that the input did not must pass
//     Options.Importable. If it fails, each chosen fix is tried alone; a
//     fix whose only fault is an import is withheld (Reason Withheld, with
//     Importable's reason as Left.Detail: not a bug, a project without the
//     module), the others that break the file alone are marked failed — a
//     bug in the fix, reported loudly (Report.Failed, `xylint fix` exits 2)
//     and never applied — and the rest are applied.
//  4. Re-analyse the result; stop when no fix applies.
//
// The result: the new content (src itself when nothing applied; src is
// never modified) and a Report: the fixes applied (by rule), the findings
// left with their Reason (NoFix, UnsafeFix, Withheld, Conflict, Failed,
// SyntaxErrors), the failed fixes. A file whose input has syntax errors is
// not fixed at all. If fixes still apply after MaxRounds rounds the fixes do
// not converge (a fix that re-fires on its own output); the original
// content is returned and the applied fixes are reported as failed.
// Idempotence — fixing the result again changes nothing — follows when
// every fix's output no longer triggers its diagnostic; the test harness
// (pyanalysistest.RunWithFixes) and the fuzz target check it.
//
// # Writing files
//
// WriteIfUnchanged writes a fixed file only if it still holds the content
// the fixes were computed on, through internal/safewrite: atomically (a
// temporary file in the same directory and a rename), keeping owner,
// group, mode and hard links, following a symlink, refusing a read-only
// file. (`xylint fix` writes only the file the walk resolved, within the
// paths given; see docs/safety.md.) Diff renders a unified diff (a/ and b/
// labels, as git). The `xylint fix` command (internal/fix/fixrun) uses these.
//
// # Building edits
//
// A lint.Edit replaces the bytes [Start, End) of the file as analysed.
// Edits of one fix must not overlap; several insertions at one offset must
// be merged into one (pyedit.Edits does it). The edits are built below the
// rules, with packages every rule's fix uses: internal/textedit keeps what
// the file uses (its line ending, its indentation, a UTF-8 BOM), and
// internal/python/pyedit builds Python edits (imports that merge into an
// existing from-import and keep a sorted block sorted, the module logger,
// statements inserted at the right indentation, keyword arguments, blocks
// re-indented or unwrapped, unused imports pruned). The engine itself
// imports neither: it sees only lint.Edit values.
package fix
