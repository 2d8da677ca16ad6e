package output

import (
	"fmt"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/lint"
)

// ServiceKindCount is one cell of a rule's service × kind table: how many
// of the rule's findings of one kind are in one service.
type ServiceKindCount struct {
	Service string `json:"service"`
	Kind    string `json:"kind"`
	Count   int    `json:"count"`
}

// unclassified is the kind shown for findings of a classifying rule that
// carry no kind (the Go detection of a rule whose Python side classifies).
const unclassified = "unclassified"

// groupingDirs hold services rather than being one: a service below them
// is named by its own directory ("src/emailservice").
var groupingDirs = map[string]bool{"src": true, "services": true, "apps": true, "packages": true}

// serviceMarkers are the files whose presence in the run's root makes the
// whole run one service.
var serviceMarkers = map[string]bool{"main.py": true, "app.py": true, "main.go": true}

// Services returns the function that names the service of each path of a
// run, given every analysed path of that run (slash-separated, as shown).
//
// The run's root is the deepest directory holding every analysed file. A
// file's service is the first directory below the root on its path; when
// that directory is a grouping directory (src, services, apps, packages)
// the service is the directory below it as well ("src/emailservice").
// When the root itself holds a main.py, app.py or main.go the run is one
// service, named after the root's last element. A file directly in the
// root belongs to the service "." otherwise.
func Services(paths []string) func(string) string {
	root := commonDir(paths)
	single := ""
	for _, p := range paths {
		if path.Dir(p) == root && serviceMarkers[path.Base(p)] {
			single = path.Base(root)
			if root == "." || root == "/" || root == "" {
				single = "."
			}
			break
		}
	}
	return func(p string) string {
		if single != "" {
			return single
		}
		rel := p
		if root != "." && root != "" {
			rel = strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
		}
		parts := strings.Split(rel, "/")
		if len(parts) < 2 {
			return "."
		}
		if groupingDirs[parts[0]] && len(parts) > 2 {
			return parts[0] + "/" + parts[1]
		}
		return parts[0]
	}
}

// commonDir is the deepest directory that contains every path ("." for
// relative paths with nothing in common, "/" for absolute ones).
func commonDir(paths []string) string {
	if len(paths) == 0 {
		return "."
	}
	common := strings.Split(path.Dir(paths[0]), "/")
	for _, p := range paths[1:] {
		d := strings.Split(path.Dir(p), "/")
		n := 0
		for n < len(common) && n < len(d) && common[n] == d[n] {
			n++
		}
		common = common[:n]
	}
	switch dir := strings.Join(common, "/"); {
	case dir == "" && len(paths[0]) > 0 && paths[0][0] == '/':
		return "/"
	case dir == "":
		return "."
	default:
		return dir
	}
}

// StatisticsOf is Statistics over a run's result, with each classifying
// rule's (lint.Rule.Kinds) counts per service and kind.
func StatisticsOf(res *driver.Result) []RuleCount {
	stats := Statistics(res.Diagnostics)
	var paths []string
	for _, f := range res.Files {
		paths = append(paths, f.Path)
	}
	service := Services(paths)
	for i := range stats {
		var rule *lint.Rule
		cells := map[[2]string]int{}
		for _, d := range res.Diagnostics {
			if d.Rule.Code != stats[i].Code || len(d.Rule.Kinds) == 0 {
				continue
			}
			rule = d.Rule
			kind := d.Kind
			if kind == "" {
				kind = unclassified
			}
			cells[[2]string{service(d.Path), kind}]++
		}
		if rule == nil {
			continue
		}
		for k, n := range cells {
			stats[i].ByServiceKind = append(stats[i].ByServiceKind, ServiceKindCount{Service: k[0], Kind: k[1], Count: n})
		}
		order := kindOrder(rule, stats[i].ByServiceKind)
		slices.SortFunc(stats[i].ByServiceKind, func(a, b ServiceKindCount) int {
			if c := compareStrings(a.Service, b.Service); c != 0 {
				return c
			}
			return slices.Index(order, a.Kind) - slices.Index(order, b.Kind)
		})
	}
	return stats
}

// kindOrder is the rule's kinds in its order, then any others found.
func kindOrder(r *lint.Rule, cells []ServiceKindCount) []string {
	order := slices.Clone(r.Kinds)
	var extra []string
	for _, c := range cells {
		if !slices.Contains(order, c.Kind) && !slices.Contains(extra, c.Kind) {
			extra = append(extra, c.Kind)
		}
	}
	slices.Sort(extra)
	return append(order, extra...)
}

// writeServiceKindTable prints one rule's service × kind table: a row per
// service (most findings first), a column per kind, and totals.
func writeServiceKindTable(w io.Writer, c RuleCount, r *lint.Rule, p painter) error {
	kinds := kindOrder(r, c.ByServiceKind)
	rows := map[string]map[string]int{}
	var services []string
	totals := map[string]int{}
	for _, cell := range c.ByServiceKind {
		if rows[cell.Service] == nil {
			rows[cell.Service] = map[string]int{}
			services = append(services, cell.Service)
		}
		rows[cell.Service][cell.Kind] += cell.Count
		rows[cell.Service][""] += cell.Count
		totals[cell.Kind] += cell.Count
		totals[""] += cell.Count
	}
	slices.SortStableFunc(services, func(a, b string) int { return rows[b][""] - rows[a][""] })
	width := len("service")
	for _, s := range services {
		width = max(width, len(s))
	}
	line := func(name string, counts map[string]int) string {
		var b strings.Builder
		fmt.Fprintf(&b, "  %-*s", width, name)
		for _, k := range append(slices.Clone(kinds), "") {
			fmt.Fprintf(&b, "  %*d", max(len(k), len("total")), counts[k])
		}
		return b.String()
	}
	var head strings.Builder
	fmt.Fprintf(&head, "  %-*s", width, "service")
	for _, k := range append(slices.Clone(kinds), "total") {
		fmt.Fprintf(&head, "  %*s", max(len(k), len("total")), k)
	}
	out := []string{"", fmt.Sprintf("%s %s by service and kind:", p.paint(ansiBold, c.Code), c.Name), head.String()}
	for _, s := range services {
		out = append(out, line(s, rows[s]))
	}
	out = append(out, line("total", totals))
	_, err := fmt.Fprintln(w, strings.Join(out, "\n"))
	return err
}
