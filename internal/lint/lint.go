// Package lint holds xylint's language-neutral vocabulary: rules, diagnostics,
// positions, edits and fixes. A diagnostic looks the same whether it came from
// the tree-sitter Python rules or from a go/analysis analyzer, so outputs,
// suppressions, baselines and the fix engine are written once against it.
//
// The package has no cgo and no parser dependency: the golangci-lint plugin and
// the Go analyzers import it.
package lint

import (
	"fmt"
	"strings"
)

// Language names the language a diagnostic was found in.
type Language string

const (
	Python Language = "python"
	Go     Language = "go"
)

// Severity is a finding's level, which follows what the problem costs:
// Error, Warning or Note, in increasing order of severity Note < Warning <
// Error. The zero value is Warning, so that a rule that says nothing gets
// the usual linter default. Users see the levels as "error", "warning" and
// "note" in every output (SARIF's levels, GitHub's ::error, ::warning and
// ::notice); whether a level fails a run is FailOn's business.
type Severity int

const (
	// Note: worth knowing, not worth failing a build for (a client created
	// once per process that the migration still counts).
	Note Severity = iota - 1
	Warning
	Error
)

// Severities are the levels from the most to the least severe, the order in
// which reports list them.
var Severities = []Severity{Error, Warning, Note}

func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Error:
		return "error"
	default:
		return "warning"
	}
}

// ParseSeverity is the inverse of Severity.String. It also accepts "info"
// (the JSON output's name for Note before its version 2) and "warn".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "note", "info":
		return Note, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Warning, fmt.Errorf("unknown level %q (want error, warning or note)", s)
}

// FailOn is the least severe level whose findings fail a run (exit status
// 1); FailNever fails on none. The zero value fails on warnings and errors:
// notes do not fail a run unless asked.
type FailOn int

// FailNever: no finding fails the run (errors reading or analysing files
// still do).
const FailNever = FailOn(Error) + 1

// FailOnLevel fails on findings of level s and above.
func FailOnLevel(s Severity) FailOn { return FailOn(s) }

// Fails reports whether a finding of level s fails the run.
func (f FailOn) Fails(s Severity) bool { return int(s) >= int(f) }

func (f FailOn) String() string {
	if f >= FailNever {
		return "never"
	}
	return Severity(f).String()
}

// FailOnValues are the values ParseFailOn accepts, as documented.
const FailOnValues = "note, warning, error or never"

// ParseFailOn reads a --fail-on value: note, warning, error or never.
func ParseFailOn(s string) (FailOn, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "never":
		return FailNever, nil
	case "note", "warning", "error":
		sev, _ := ParseSeverity(v)
		return FailOnLevel(sev), nil
	}
	return 0, fmt.Errorf("%q is not a level (want %s)", s, FailOnValues)
}

// UnmarshalText lets configuration files hold a FailOn (fail-on = "note").
func (f *FailOn) UnmarshalText(b []byte) error {
	v, err := ParseFailOn(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// MarshalText writes the value as ParseFailOn reads it.
func (f FailOn) MarshalText() ([]byte, error) { return []byte(f.String()), nil }

// LevelDoc says when a rule reports a finding at a level other than its
// default, and why (`xylint rules NAME` lists them).
type LevelDoc struct {
	Level Severity
	When  string
}

// FixSafety says whether applying a fix can change what the program does, as
// Ruff's "Fix safety" does: safe fixes are applied by `xylint fix`, unsafe ones
// only with --unsafe-fixes.
type FixSafety int

const (
	// NoFix: the rule offers no automatic fix.
	NoFix FixSafety = iota
	// Safe: the fix keeps the program's behaviour (up to logging destinations).
	Safe
	// Unsafe: the fix changes behaviour and needs a reviewer.
	Unsafe
)

func (s FixSafety) String() string {
	switch s {
	case Safe:
		return "safe"
	case Unsafe:
		return "unsafe"
	default:
		return "none"
	}
}

// Rule is the metadata of one rule, shared by its Python and Go detection.
type Rule struct {
	Code     string   // stable code, e.g. "XY005"
	Name     string   // stable kebab-case name, e.g. "print-call"
	Summary  string   // one line: what it finds
	Doc      string   // full documentation (markdown): What it does / Why is this bad? / Example / ...
	Severity Severity // default level
	// Levels, when the rule reports findings at more than one level, say
	// which findings get which level and why, most severe first (the
	// default level included). Diagnostic.Severity carries each finding's
	// own level.
	Levels []LevelDoc
	// FixSafety is the safety of the rule's fix where it has one; individual
	// fixes may be less safe than this (never more).
	FixSafety FixSafety
	// Aliases are other linters' codes that suppress this rule too (Ruff's
	// T201 for print-call), so existing `# noqa: T201` comments keep working.
	Aliases []string
	// AllowedBy is the other linter's code whose being turned off for a
	// file by the project's own Ruff or flake8 configuration means the
	// project allows there what the rule reports (Ruff's T201 for
	// print-call): the rule's findings in that file are dropped
	// (config.FileConfig.IgnoredByTools). "" when no code speaks for the
	// rule: Ruff's BLE001 is turned off by projects that catch broadly on
	// purpose, which says nothing of the swallowing broad-except reports.
	AllowedBy string
	// Options declares the rule's options (ruleopts.Spec), or is nil when
	// the rule has none: configuration decodes the rule's table
	// ([tool.xylint.<rule-name>]) into what Options.New returns and
	// compiles it once with Options.Compile; the rule's code reads the
	// compiled value.
	Options OptionsSpec
	// Kinds lists the values Diagnostic.Kind takes for this rule, in the
	// order reports show them (XY003: "per-request", "per-call", ...); nil
	// when the rule does not classify its findings.
	Kinds []string
}

// OptionsSpec declares a rule's options, for the packages that handle
// every rule alike (configuration, the drivers). ruleopts.Spec implements
// it with the rule's types; the rule's own code reads its options typed.
type OptionsSpec interface {
	// New returns what the rule's table decodes into: a pointer to the
	// rule's options struct (fields tagged `toml:"kebab-name"`) filled with
	// the defaults.
	New() any
	// Compile checks a value New returned, as configuration filled it, and
	// compiles it into what the rule's code reads (globs parsed, tables
	// merged): once per configuration. Its error names the offending key.
	Compile(decoded any) (any, error)
}

// ID is the "XY005 [print-call]" form used in text output.
func (r *Rule) ID() string { return r.Code + " [" + r.Name + "]" }

// Matches reports whether sel names this rule: its code, its name, a prefix
// of its code ("XY", "XY00") or "ALL". Comparison ignores case.
func (r *Rule) Matches(sel string) bool {
	s := strings.ToUpper(strings.TrimSpace(sel))
	if s == "" {
		return false
	}
	if s == "ALL" || strings.EqualFold(sel, r.Name) {
		return true
	}
	return strings.HasPrefix(r.Code, s)
}

// MatchesSuppression reports whether a code named in a suppression comment
// (`# noqa: X`, `//nolint:X`) refers to this rule: its code, name or an alias.
func (r *Rule) MatchesSuppression(code string) bool {
	c := strings.TrimSpace(code)
	if strings.EqualFold(c, r.Code) || strings.EqualFold(c, r.Name) {
		return true
	}
	for _, a := range r.Aliases {
		if strings.EqualFold(c, a) {
			return true
		}
	}
	return false
}

// Position is a point in a file. Offset is a byte offset from the start of
// the file; Line is 1-based; Column is 1-based and counts Unicode code points
// (as Ruff and editors do, and as SARIF's "unicodeCodePoints" column kind
// says), not bytes.
type Position struct {
	Offset int `json:"offset"`
	Line   int `json:"line"`
	Column int `json:"column"`
}

// Range is the half-open byte range [Start.Offset, End.Offset).
type Range struct {
	Start Position `json:"start"`
	End   Position `json:"end"`
}

// Edit replaces the bytes [Start, End) of a file with New. Offsets are byte
// offsets into the file as it was when the diagnostic was produced.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}

// Fix is one suggested fix: a set of edits that belong together.
type Fix struct {
	Message string    `json:"message"`
	Safety  FixSafety `json:"-"`
	Edits   []Edit    `json:"edits"`
}

// Diagnostic is one finding.
type Diagnostic struct {
	Rule     *Rule
	Language Language
	Path     string // slash-separated, relative to the run's root where possible
	Range    Range
	Message  string
	// Severity is the finding's level: the rule's default unless the rule
	// decided otherwise for this finding (see Rule.Levels); the message
	// then says why.
	Severity Severity
	// Fix is the one suggested fix, if any (one per diagnostic: golangci-lint
	// and go vet drivers apply only the first of several).
	Fix *Fix
	// Kind classifies the finding within its rule (one of Rule.Kinds, e.g.
	// XY003's "per-request"), for statistics and programs; "" when the rule
	// does not classify.
	Kind string
}

func (d *Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s %s", d.Path, d.Range.Start.Line, d.Range.Start.Column, d.Rule.ID(), d.Message)
}

// Comment is a source comment, as suppressions need it: the 1-based line it
// is on and its text including the comment marker ("# noqa: XY005",
// "//nolint:xylint // reason").
type Comment struct {
	Line int
	Text string
	// Own is true when the comment is alone on its line (no code before it).
	Own bool
}

// SyntaxError is the pseudo-rule under which a file that does not parse
// cleanly is reported. Rules still run on the parts that parsed. It can be
// ignored like any rule (`--ignore XY000`).
var SyntaxError = &Rule{
	Code:     "XY000",
	Name:     "syntax-error",
	Summary:  "file does not parse",
	Severity: Error,
	Doc: `A file that the Python (or Go) parser could not read completely.

# What it does

Reports the first region of each file that failed to parse. The other rules
still run on the parts of the file that parsed, so a typo in one function
does not hide findings in the rest of the file.

# Why is this bad?

Code that does not parse does not run; it also cannot be fixed safely, so
xylint fix never edits a file that has syntax errors.
`,
}

// FileResult is what analysing one file produced, whatever the language.
type FileResult struct {
	Path     string // as given to the analysis (slash-separated)
	Language Language
	// Src is the file's content as analysed, kept for the text output's
	// source excerpts and for fixes. Nil when the file was skipped.
	Src         []byte
	Diagnostics []Diagnostic
	// Comments are the file's comments, for suppressions.
	Comments []Comment
	// Parsed is true when the file was parsed (a file that no enabled rule
	// can match is not); SyntaxErrors is then its number of syntax error
	// regions, whether or not XY000 is reported. The fix engine verifies
	// its results with them.
	Parsed       bool
	SyntaxErrors int
	// Runtime is what this version of the file needs when it runs, for the
	// fix engine's checks (see Runtime); nil when it was not computed.
	Runtime *Runtime
	// Skipped says why the file was not analysed ("binary file", "not
	// UTF-8", "template", ...); empty when it was.
	Skipped string
	// Err is set when analysing the file failed (a parser failure, or a rule
	// that returned an error or panicked); Diagnostics then holds what the
	// other rules found. Callers report it and exit with status 2.
	Err error
}
