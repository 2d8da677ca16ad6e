package output

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/xynergy/xylint/internal/lint"
)

// WriteRules prints the rule table of `xylint rules`. LEVELS lists the
// levels a rule reports at, most severe first.
func WriteRules(w io.Writer, rules []*lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tNAME\tLEVELS\tFIX\tSUMMARY")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, strings.Join(levelNames(r), ","), r.FixSafety, r.Summary)
	}
	return tw.Flush()
}

// WriteRuleDoc prints one rule's documentation (`xylint rules XY004`).
func WriteRuleDoc(w io.Writer, r *lint.Rule) error {
	_, err := fmt.Fprintf(w, "%s %s: %s\n\nlevel: %s; fix: %s\nsuppress with: # noqa: %s (or %s)%s\n%s\n%s",
		r.Code, r.Name, r.Summary, levelSummary(r), r.FixSafety, r.Code, r.Name, aliasNote(r), levelsText(r), r.Doc)
	return err
}

func aliasNote(r *lint.Rule) string {
	if len(r.Aliases) == 0 {
		return ""
	}
	return fmt.Sprintf("; Ruff's %v also work", r.Aliases)
}

// levelNames are the levels r reports at, most severe first.
func levelNames(r *lint.Rule) []string {
	if len(r.Levels) == 0 {
		return []string{r.Severity.String()}
	}
	var out []string
	for _, s := range lint.Severities {
		for _, l := range r.Levels {
			if l.Level == s {
				out = append(out, s.String())
				break
			}
		}
	}
	return out
}

// levelSummary is "warning" for a rule with one level, else "warning by
// default (also error, note)".
func levelSummary(r *lint.Rule) string {
	var others []string
	for _, n := range levelNames(r) {
		if n != r.Severity.String() {
			others = append(others, n)
		}
	}
	if len(others) == 0 {
		return r.Severity.String()
	}
	return r.Severity.String() + " by default (also " + strings.Join(others, ", ") + ")"
}

// levelsText lists which findings get which level, for a rule that reports
// at more than one ("" otherwise), as the rule documentation's first
// section.
func levelsText(r *lint.Rule) string {
	if len(r.Levels) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n# Levels\n\n")
	for _, l := range r.Levels {
		fmt.Fprintf(&b, "- %s: %s\n", l.Level, l.When)
	}
	return b.String()
}

// RuleDocURL links a rule to its documentation: its analyzer's doc.go in
// xylint's repository (the text `xylint rules NAME` prints), the README's
// section on suppressions for the rules about them, or "" for XY000.
func RuleDocURL(r *lint.Rule) string {
	switch r.Name {
	case lint.SyntaxError.Name:
		return ""
	case "unused-suppression", "malformed-suppression":
		return infoURI + "#suppressions"
	}
	return infoURI + "/blob/main/analyzers/" + strings.ReplaceAll(r.Name, "-", "") + "/doc.go"
}
