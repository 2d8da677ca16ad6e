package output

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// RuleCount is one line of --statistics.
type RuleCount struct {
	Code    string `json:"code"`
	Name    string `json:"name"`
	Count   int    `json:"count"`
	Fixable int    `json:"fixable"`
	// BySeverity counts the findings per level ("error", "warning",
	// "note"); levels without findings are left out.
	BySeverity map[string]int `json:"by_severity"`
	// ByServiceKind, for rules that classify their findings (XY003's
	// per-request, per-call, ...), counts them per service and kind.
	ByServiceKind []ServiceKindCount `json:"by_service_kind,omitempty"`
}

// Statistics counts findings per rule, most frequent first. (Counts per
// service or directory can be added as another grouping of the same
// diagnostics.)
func Statistics(diags []lint.Diagnostic) []RuleCount {
	idx := map[*lint.Rule]int{}
	var out []RuleCount
	for _, d := range diags {
		i, ok := idx[d.Rule]
		if !ok {
			i = len(out)
			idx[d.Rule] = i
			out = append(out, RuleCount{Code: d.Rule.Code, Name: d.Rule.Name, BySeverity: map[string]int{}})
		}
		out[i].Count++
		out[i].BySeverity[d.Severity.String()]++
		if d.Fix != nil {
			out[i].Fixable++
		}
	}
	slices.SortFunc(out, func(a, b RuleCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return compareStrings(a.Code, b.Code)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func writeStatisticsText(w io.Writer, res *driver.Result, opts Options) error {
	p := painter(opts.Color)
	stats := StatisticsOf(res)
	for _, c := range stats {
		line := fmt.Sprintf("%6d  %s  %s%s%s", c.Count, p.paint(ansiBold, c.Code), c.Name,
			strings.Repeat(" ", max(2, 24-len(c.Name))), levelCounts(c.BySeverity))
		if c.Fixable > 0 {
			line += fmt.Sprintf("  (%d with a fix)", c.Fixable)
		}
		if _, err := fmt.Fprintln(w, line); err != nil {
			return err
		}
	}
	rules := map[string]*lint.Rule{}
	for _, d := range res.Diagnostics {
		rules[d.Rule.Code] = d.Rule
	}
	for _, c := range stats {
		if len(c.ByServiceKind) == 0 {
			continue
		}
		if err := writeServiceKindTable(w, c, rules[c.Code], p); err != nil {
			return err
		}
	}
	return nil
}

// levelCounts is "2 errors, 1 note": the counts of the levels that have
// findings, most severe first.
func levelCounts(bySeverity map[string]int) string {
	var parts []string
	for _, s := range lint.Severities {
		if n := bySeverity[s.String()]; n > 0 {
			parts = append(parts, plural(n, s.String()))
		}
	}
	return strings.Join(parts, ", ")
}

func writeStatisticsJSON(w io.Writer, res *driver.Result) error {
	stats := StatisticsOf(res)
	if stats == nil {
		stats = []RuleCount{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(stats)
}
