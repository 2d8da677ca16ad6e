package output

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/xynergy/xylint/internal/lint"
)

// WriteRules prints the rule table of `xylint rules`.
func WriteRules(w io.Writer, rules []*lint.Rule) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CODE\tNAME\tSEVERITY\tFIX\tSUMMARY")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Name, r.Severity, r.FixSafety, r.Summary)
	}
	return tw.Flush()
}

// WriteRuleDoc prints one rule's documentation (`xylint rules XY004`).
func WriteRuleDoc(w io.Writer, r *lint.Rule) error {
	_, err := fmt.Fprintf(w, "%s %s: %s\n\nseverity: %s, fix: %s\nsuppress with: # noqa: %s (or %s)%s\n\n%s",
		r.Code, r.Name, r.Summary, r.Severity, r.FixSafety, r.Code, r.Name, aliasNote(r), r.Doc)
	return err
}

func aliasNote(r *lint.Rule) string {
	if len(r.Aliases) == 0 {
		return ""
	}
	return fmt.Sprintf("; Ruff's %v also work", r.Aliases)
}
