// Package suppress applies suppression comments to diagnostics, for every
// language, on lint.Comment and lint.Diagnostic values.
//
// # Python
//
//   - `# noqa` on a line suppresses every finding on that line (blanket, as
//     in Ruff and flake8); `# noqa: XY005`, `# noqa: print-call`,
//     `# noqa: XY005, XY004` (commas or spaces) suppress those rules only.
//     Ruff's codes are aliases (T201/T203 for XY005, BLE001/E722 for XY004),
//     so existing suppressions keep working. Codes xylint does not know
//     (E501, ...) belong to other tools and are left alone.
//   - `# xylint: noqa` on its own line suppresses every finding in the file;
//     `# xylint: noqa: XY005` suppresses that rule in the file.
//
// # Go
//
//   - `//nolint`, `//nolint:all` and `//nolint:xylint` suppress every xylint
//     finding; `//nolint:XY005` and `//nolint:print-call` one rule (as
//     golangci-lint, whose own //nolint:xylint then also works). Other
//     linters' names are ignored.
//   - `//xylint:ignore XY005[,XY004] reason` suppresses like staticcheck's
//     //lint:ignore, and `//xylint:file-ignore XY005 reason` in the whole
//     file. The reason is required: a directive without one suppresses
//     nothing and is reported as XY101 malformed-suppression.
//
// # Which lines a comment covers
//
// A comment at the end of a line covers that line. A Go directive alone on
// its line covers the next line. A finding is suppressed by a directive that
// covers the line where it starts or the line where it ends, so that a
// `# noqa` after the closing bracket of a multi-line call works, as Ruff
// allows for multi-line strings.
//
// # Reporting suppressions
//
// XY101 malformed-suppression reports directives that cannot be obeyed (no
// reason, an unknown rule in an xylint-specific directive, a file-level
// directive after code); plain `# noqa` and `//nolint` are shared with other
// linters and never reported as malformed. XY100 unused-suppression, which must be selected
// explicitly (`--extend-select XY100`), reports xylint codes in suppressions
// that matched no finding, as Ruff's RUF100 and staticcheck do; blanket
// `# noqa` and `//nolint` are not reported, since other linters share them.
// Files in which no rule could match are not parsed, so their suppressions
// are not checked.
package suppress

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
)

// Unused is XY100 unused-suppression.
var Unused = &lint.Rule{
	Code:     "XY100",
	Name:     "unused-suppression",
	Summary:  "suppression comment that matched no finding",
	Severity: lint.Warning,
	Doc: `A suppression comment naming an xylint rule that reported nothing on the
lines the comment covers.

# What it does

Reports each code or name in a ` + "`# noqa: ...`" + `, ` + "`# xylint: noqa: ...`" + `,
` + "`//nolint:...`" + ` or ` + "`//xylint:ignore ...`" + ` directive that suppressed no
finding of a rule that ran on the file. It is opt-in: enable it with
` + "`--extend-select XY100`" + ` or ` + "`extend-select = [\"XY100\"]`" + `.

# Why is this bad?

A stale suppression hides the next real finding on that line.

# Example

	logger.info("ready")  # noqa: XY005

# Use instead

	logger.info("ready")
`,
}

// Malformed is XY101 malformed-suppression.
var Malformed = &lint.Rule{
	Code:     "XY101",
	Name:     "malformed-suppression",
	Summary:  "suppression comment xylint cannot obey",
	Severity: lint.Warning,
	Doc: `A suppression directive that is malformed and therefore suppresses nothing.

# What it does

Reports ` + "`//xylint:ignore`" + ` and ` + "`//xylint:file-ignore`" + ` directives
without a reason, xylint directives that name an unknown rule, and a
file-level ` + "`# xylint: noqa`" + ` that is not alone on its line. Plain
` + "`# noqa`" + ` and ` + "`//nolint`" + ` comments are shared with other linters and
are never reported.

# Why is this bad?

The author meant to suppress something and did not; and a suppression
without a reason leaves the next reader guessing (staticcheck requires
one for the same reason).

# Example

	//xylint:ignore XY004

# Use instead

	//xylint:ignore XY004 the error is reported by the caller
`,
}

// Directive is one parsed suppression comment.
type Directive struct {
	Comment lint.Comment
	// First and Last are the lines it covers; File directives cover all.
	First, Last int
	File        bool
	// All is true for a blanket directive (no codes, or "all"/"xylint").
	All bool
	// Codes as written (only those xylint knows, for noqa/nolint).
	Codes []string
	// Problem, when not empty, says why the directive is malformed; it then
	// suppresses nothing.
	Problem string

	usedAll bool
	used    []bool
}

var (
	noqaRe      = regexp.MustCompile(`(?i)#\s*noqa(?:\s*:\s*([^#]*))?`)
	fileNoqaRe  = regexp.MustCompile(`(?i)^#\s*xylint\s*:\s*noqa\b(?:\s*:\s*([^#]*))?`)
	codeLikeRe  = regexp.MustCompile(`^[A-Za-z]+[0-9]+$`)
	nolintRe    = regexp.MustCompile(`^//nolint(?::([^\s/]+))?(?:\s|$|//)`)
	xyIgnoreRe  = regexp.MustCompile(`^//xylint:(ignore|file-ignore)(?:\s+(\S+))?(?:\s+(.*\S))?\s*$`)
	tokenSplitR = regexp.MustCompile(`[,\s]+`)
)

// Parse reads the directives in a file's comments. lookup resolves a code,
// name or alias to a rule (nil when xylint does not know it).
func Parse(lang lint.Language, comments []lint.Comment, lookup func(string) *lint.Rule) []*Directive {
	var out []*Directive
	for _, c := range comments {
		var d *Directive
		if lang == lint.Go {
			d = parseGo(c, lookup)
		} else {
			d = parsePython(c, lookup)
		}
		if d != nil {
			d.Comment = c
			d.used = make([]bool, len(d.Codes))
			out = append(out, d)
		}
	}
	return out
}

func parsePython(c lint.Comment, lookup func(string) *lint.Rule) *Directive {
	// Both directives say "noqa": the other comments (nearly all) are not
	// worth two regular expressions each.
	if !containsNoqa(c.Text) {
		return nil
	}
	text := strings.TrimSpace(c.Text)
	if m := fileNoqaRe.FindStringSubmatchIndex(text); m != nil {
		d := &Directive{File: true}
		if !c.Own {
			d.Problem = "a file-level `# xylint: noqa` must be on its own line"
		}
		if m[2] < 0 {
			d.All = true
			return d
		}
		codes := splitCodes(text[m[2]:m[3]], lookup)
		if len(codes) == 0 {
			d.Problem = "`# xylint: noqa:` names no rule"
		}
		for _, code := range codes {
			if lookup(code) == nil {
				d.Problem = fmt.Sprintf("unknown rule %q", code)
			}
		}
		d.Codes = codes
		return d
	}
	m := noqaRe.FindStringSubmatchIndex(text)
	if m == nil {
		return nil
	}
	// "# noqanything" is not a directive.
	if end := m[1]; m[2] < 0 && end < len(text) && isWordByte(text[end]) {
		return nil
	}
	d := &Directive{First: c.Line, Last: c.Line}
	if m[2] < 0 {
		d.All = true
		return d
	}
	// "# noqa:" followed by no code ("# noqa: 501" in the wild) is another
	// tool's business: Ruff ignores it with a warning, flake8 takes it as
	// blanket. xylint neither obeys nor reports it.
	all := splitCodes(text[m[2]:m[3]], lookup)
	for _, code := range all {
		if lookup(code) != nil {
			d.Codes = append(d.Codes, code)
		}
	}
	if len(d.Codes) == 0 {
		return nil // only other tools' codes
	}
	return d
}

// MayDirect reports whether a Python comment may be a directive (Parse
// then needs the file's source to report a problem with it): false for
// nearly all comments.
func MayDirect(text string) bool { return containsNoqa(text) }

// MayHoldDirective reports whether a file's source may hold a suppression
// directive: whether any of its comments may pass MayDirect.
func MayHoldDirective(src []byte) bool { return containsNoqa(src) }

// containsNoqa reports whether s contains "noqa" in any case, as the
// directives' (?i) patterns match it (no other character folds to n, o, q
// or a).
func containsNoqa[T string | []byte](s T) bool {
	for i := 0; i+4 <= len(s); i++ {
		if s[i]|0x20 == 'n' && s[i+1]|0x20 == 'o' && s[i+2]|0x20 == 'q' && s[i+3]|0x20 == 'a' {
			return true
		}
	}
	return false
}

func isWordByte(b byte) bool {
	return b == '_' || b == '-' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// splitCodes takes the leading codes of a noqa list: "XY005, T201 because
// ..." gives XY005 and T201; names count when xylint knows them.
func splitCodes(s string, lookup func(string) *lint.Rule) []string {
	var out []string
	for _, tok := range tokenSplitR.Split(strings.TrimSpace(s), -1) {
		if tok == "" {
			continue
		}
		if !codeLikeRe.MatchString(tok) && lookup(tok) == nil {
			break // the explanation after the codes
		}
		out = append(out, tok)
	}
	return out
}

func parseGo(c lint.Comment, lookup func(string) *lint.Rule) *Directive {
	text := strings.TrimSpace(c.Text)
	first, last := c.Line, c.Line
	if c.Own {
		first, last = c.Line+1, c.Line+1
	}
	if m := nolintRe.FindStringSubmatch(text + " "); m != nil {
		d := &Directive{First: first, Last: last}
		if m[1] == "" {
			d.All = true
			return d
		}
		for _, name := range strings.Split(m[1], ",") {
			switch {
			case strings.EqualFold(name, "all") || strings.EqualFold(name, "xylint"):
				d.All = true
			case lookup(name) != nil:
				d.Codes = append(d.Codes, name)
			}
		}
		if !d.All && len(d.Codes) == 0 {
			return nil // other linters' names
		}
		return d
	}
	m := xyIgnoreRe.FindStringSubmatch(text)
	if m == nil {
		if strings.HasPrefix(text, "//xylint:") {
			return &Directive{First: first, Last: last, Problem: "unknown xylint directive (want //xylint:ignore or //xylint:file-ignore)"}
		}
		return nil
	}
	d := &Directive{First: first, Last: last, File: m[1] == "file-ignore"}
	if m[2] == "" {
		d.Problem = "//xylint:" + m[1] + " needs rule codes and a reason"
		return d
	}
	d.Codes = strings.Split(m[2], ",")
	for _, code := range d.Codes {
		if lookup(code) == nil {
			d.Problem = fmt.Sprintf("unknown rule %q", code)
			return d
		}
	}
	if m[3] == "" {
		d.Problem = "//xylint:" + m[1] + " needs a reason after the codes"
	}
	return d
}

func (d *Directive) covers(line int) bool {
	return d.File || (line >= d.First && line <= d.Last)
}

// suppresses marks and reports whether d suppresses diag.
func (d *Directive) suppresses(diag *lint.Diagnostic) bool {
	if d.Problem != "" || (!d.covers(diag.Range.Start.Line) && !d.covers(diag.Range.End.Line)) {
		return false
	}
	if d.All {
		d.usedAll = true
		return true
	}
	hit := false
	for i, code := range d.Codes {
		if diag.Rule.MatchesSuppression(code) {
			d.used[i] = true
			hit = true
		}
	}
	return hit
}

// Options say what Apply reports besides the kept diagnostics.
type Options struct {
	// Lookup resolves codes, names and aliases to rules.
	Lookup func(string) *lint.Rule
	// Enabled reports whether a rule ran on the file (and for Unused and
	// Malformed, whether to report them).
	Enabled func(*lint.Rule) bool
}

// Suppressed reports, for each of ranges, whether a comment of a Python
// file (its comments, as the parser returns them) suppresses a finding of
// rule r there. A rule asks before it builds a fix that would also change
// code a suppressed finding points at (one edit shared by several
// findings): the suppressed finding's code must stay as it is.
func Suppressed(path string, src []byte, comments []lint.Comment, r *lint.Rule, ranges []lint.Range) []bool {
	out := make([]bool, len(ranges))
	if len(comments) == 0 {
		return out
	}
	res := &lint.FileResult{Path: path, Language: lint.Python, Src: src, Comments: comments}
	for i, rg := range ranges {
		res.Diagnostics = append(res.Diagnostics, lint.Diagnostic{Rule: r, Range: rg, Message: strconv.Itoa(i)})
	}
	kept := Apply(res, Options{
		Lookup: func(code string) *lint.Rule {
			if r.MatchesSuppression(code) {
				return r
			}
			return nil
		},
		Enabled: func(x *lint.Rule) bool { return x == r },
	})
	left := map[string]bool{}
	for _, d := range kept {
		if d.Rule == r {
			left[d.Message] = true
		}
	}
	for i := range out {
		out[i] = !left[strconv.Itoa(i)]
	}
	return out
}

// Apply removes the suppressed diagnostics of res and returns the others,
// followed by XY100/XY101 findings when those rules are enabled.
func Apply(res *lint.FileResult, opts Options) []lint.Diagnostic {
	if len(res.Comments) == 0 {
		return res.Diagnostics
	}
	dirs := Parse(res.Language, res.Comments, opts.Lookup)
	if len(dirs) == 0 {
		return res.Diagnostics
	}
	kept := make([]lint.Diagnostic, 0, len(res.Diagnostics))
	for i := range res.Diagnostics {
		diag := &res.Diagnostics[i]
		suppressed := false
		for _, d := range dirs {
			// Every matching directive is marked used, not just the first.
			if d.suppresses(diag) {
				suppressed = true
			}
		}
		if !suppressed {
			kept = append(kept, *diag)
		}
	}
	var lines *lint.Lines
	report := func(rule *lint.Rule, d *Directive, msg string) {
		if lines == nil {
			lines = lint.NewLines(res.Src)
		}
		kept = append(kept, lint.Diagnostic{
			Rule: rule, Language: res.Language, Path: res.Path, Severity: rule.Severity,
			Range: commentRange(lines, d.Comment), Message: msg,
		})
	}
	for _, d := range dirs {
		if d.Problem != "" {
			if opts.Enabled(Malformed) {
				report(Malformed, d, "malformed suppression: "+d.Problem)
			}
			continue
		}
		if !opts.Enabled(Unused) {
			continue
		}
		var unused []string
		for i, code := range d.Codes {
			if r := opts.Lookup(code); !d.used[i] && r != nil && opts.Enabled(r) {
				unused = append(unused, code)
			}
		}
		if len(unused) > 0 {
			report(Unused, d, "unused suppression: "+strings.Join(unused, ", ")+" reported nothing here")
		}
	}
	return kept
}

// commentRange finds the comment's text on its line; it falls back to the
// whole line when the text is not there verbatim.
func commentRange(lines *lint.Lines, c lint.Comment) lint.Range {
	start := lines.LineStart(c.Line)
	text := lines.LineText(c.Line)
	if i := strings.Index(string(text), c.Text); i >= 0 {
		return lines.Range(start+i, start+i+len(c.Text))
	}
	return lines.Range(start, start+len(text))
}
