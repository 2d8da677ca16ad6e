package output

import (
	"bufio"
	"fmt"
	"io"
	"os"
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
// most 10 of each level per step, hence the step summary.
func writeGitHub(w io.Writer, res *driver.Result) error {
	bw := bufio.NewWriter(w)
	for _, d := range res.Diagnostics {
		fmt.Fprintf(bw, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n",
			githubLevel(d.Severity), escapeProperty(d.Path), d.Range.Start.Line, d.Range.End.Line,
			d.Range.Start.Column, d.Range.End.Column, escapeProperty(d.Rule.ID()), escapeData(d.Message))
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

// appendStepSummary appends a Markdown table of the findings to the
// $GITHUB_STEP_SUMMARY file: annotations show only the first few.
func appendStepSummary(path string, res *driver.Result) error {
	var b strings.Builder
	b.WriteString("## xylint\n\n")
	if len(res.Diagnostics) == 0 {
		b.WriteString("No problems found.\n")
	} else {
		fmt.Fprintf(&b, "%s found (%s).\n\n| rule | count | levels |\n| --- | ---: | --- |\n",
			plural(len(res.Diagnostics), "problem"), levelCounts(severityCounts(res.Diagnostics)))
		for _, c := range Statistics(res.Diagnostics) {
			fmt.Fprintf(&b, "| %s %s | %d | %s |\n", c.Code, c.Name, c.Count, levelCounts(c.BySeverity))
		}
		b.WriteString("\n| location | level | rule | message |\n| --- | --- | --- | --- |\n")
		for i, d := range res.Diagnostics {
			row := fmt.Sprintf("| %s | %s | %s | %s |\n", escape.MarkdownCode(fmt.Sprintf("%s:%d:%d", d.Path, d.Range.Start.Line, d.Range.Start.Column)),
				d.Severity, escape.Markdown(d.Rule.ID()), escape.Markdown(d.Message))
			if b.Len()+len(row) > stepSummaryLimit {
				fmt.Fprintf(&b, "\n… and %d more (see the job log or the SARIF report).\n", len(res.Diagnostics)-i)
				break
			}
			b.WriteString(row)
		}
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
