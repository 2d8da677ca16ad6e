package output

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/lint"
)

// writeGitHub prints one workflow command per finding:
//
//	::warning file=F,line=L,endLine=E,col=C,endColumn=EC,title=XY005 [print-call]::message
//
// and one ::error:: per path that could not be checked. GitHub shows at
// most 10 annotations of each level per step and drops the others
// silently: with a step summary (capped), the first of each level are
// annotated and one notice says how many more the summary lists.
func writeGitHub(w io.Writer, res *driver.Result, capped bool) error {
	bw := bufio.NewWriter(w)
	shown := map[string]int{}
	left := 0
	for _, d := range res.Diagnostics {
		level := githubLevel(d.Severity)
		limit := annotationsPerLevel
		if level == "notice" {
			limit-- // room for the notice below
		}
		if capped && shown[level] >= limit {
			left++
			continue
		}
		shown[level]++
		fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
			level, escapeProperty(d.Path), d.Range.Start.Line, d.Range.End.Line,
			d.Range.Start.Column, d.Range.End.Column, escapeProperty(d.Rule.ID()), escapeData(d.Message))
	}
	if left > 0 {
		what := fmt.Sprintf("%d more findings are", left)
		if left == 1 {
			what = "1 more finding is"
		}
		fmt.Fprintf(bw, "::notice title=xylint::%s\n", escapeData(fmt.Sprintf(
			"%s not annotated here (GitHub shows %d annotations of each level per step): the job summary lists every finding",
			what, annotationsPerLevel)))
	}
	for _, e := range res.Errors {
		if e.Path != "" {
			fmt.Fprintf(bw, "::error file=%s,title=xylint::%s\n", escapeProperty(e.Path), escapeData(e.Message))
		} else {
			fmt.Fprintf(bw, "::error title=xylint::%s\n", escapeData(e.Message))
		}
	}
	return bw.Flush()
}

// annotationsPerLevel is how many annotations of one level GitHub shows
// for a step.
const annotationsPerLevel = 10

func githubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Note:
		return "notice"
	}
	return "warning"
}

// escapeData escapes a workflow command's message: %, CR, LF.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a property value: also ":" and ",".
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// stepSummaryLimit keeps the summary under GitHub's 1 MiB per step.
const stepSummaryLimit = 1<<20 - 4<<10

// appendStepSummary appends the findings to the $GITHUB_STEP_SUMMARY file
// as Markdown: counts per rule (each linked to its documentation) and per
// service, then every finding by service, linked to its line when links is
// set. It stays under GitHub's 1 MiB per step.
func appendStepSummary(path string, res *driver.Result, links string) error {
	var b strings.Builder
	b.WriteString("## xylint\n\n")
	if len(res.Diagnostics) == 0 {
		b.WriteString("No problems found.\n")
	} else {
		writeSummaryTables(&b, res, links)
	}
	if len(res.Errors) > 0 {
		fmt.Fprintf(&b, "\n%s could not be checked; see the job log.\n", plural(len(res.Errors), "path"))
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(b.String()); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeSummaryTables(b *strings.Builder, res *driver.Result, links string) {
	diags := res.Diagnostics
	fmt.Fprintf(b, "%s found (%s).\n\n", plural(len(diags), "problem"), levelCounts(severityCounts(diags)))
	rules := map[string]*lint.Rule{}
	paths := make([]string, 0, len(diags))
	for _, d := range diags {
		rules[d.Rule.Code] = d.Rule
		paths = append(paths, d.Path)
	}
	b.WriteString("| rule | errors | warnings | notes | with a fix |\n| --- | ---: | ---: | ---: | ---: |\n")
	for _, c := range Statistics(diags) {
		name := escape.Markdown(c.Code + " " + c.Name)
		if u := RuleDocURL(rules[c.Code]); u != "" {
			name = "[" + name + "](" + u + ")"
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d | %d |\n", name, c.BySeverity["error"], c.BySeverity["warning"], c.BySeverity["note"], c.Fixable)
	}
	service := Services(paths)
	type row struct {
		name  string
		count map[lint.Severity]int
		diags []lint.Diagnostic
	}
	var rows []*row
	byName := map[string]*row{}
	for _, d := range diags {
		s := service(d.Path)
		r := byName[s]
		if r == nil {
			r = &row{name: s, count: map[lint.Severity]int{}}
			byName[s] = r
			rows = append(rows, r)
		}
		r.count[d.Severity]++
		r.diags = append(r.diags, d)
	}
	slices.SortStableFunc(rows, func(a, b *row) int {
		return cmp.Or(cmp.Compare(b.count[lint.Error], a.count[lint.Error]), cmp.Compare(len(b.diags), len(a.diags)), cmp.Compare(a.name, b.name))
	})
	b.WriteString("\n| service | errors | warnings | notes |\n| --- | ---: | ---: | ---: |\n")
	for _, r := range rows {
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", escape.MarkdownCode(r.name), r.count[lint.Error], r.count[lint.Warning], r.count[lint.Note])
	}
	written := 0
	for _, r := range rows {
		head := fmt.Sprintf("\n<details><summary>%s: %s</summary>\n\n| location | level | rule | message |\n| --- | --- | --- | --- |\n",
			escape.Markdown(r.name), plural(len(r.diags), "finding"))
		if b.Len()+len(head) > stepSummaryLimit {
			break
		}
		b.WriteString(head)
		for _, d := range r.diags {
			loc := escape.MarkdownCode(fmt.Sprintf("%s:%d:%d", d.Path, d.Range.Start.Line, d.Range.Start.Column))
			if links != "" {
				loc = "[" + loc + "](" + links + urlPath(d.Path) + "#L" + strconv.Itoa(d.Range.Start.Line) + ")"
			}
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", loc, d.Severity, escape.Markdown(d.Rule.ID()), escape.Markdown(d.Message))
			if b.Len()+len(row)+len("\n</details>\n") > stepSummaryLimit {
				break
			}
			b.WriteString(row)
			written++
		}
		b.WriteString("\n</details>\n")
	}
	if written < len(diags) {
		fmt.Fprintf(b, "\n… and %d more (the job summary is limited to 1 MiB: see the SARIF report or the job log).\n", len(diags)-written)
	}
}

// urlPath escapes a slash-separated path for a URL, segment by segment.
func urlPath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = url.PathEscape(s)
	}
	return strings.Join(segs, "/")
}
