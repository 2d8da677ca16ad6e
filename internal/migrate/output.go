package migrate

import (
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

// Formats are the report formats of --format.
var Formats = []string{"text", "json", "markdown"}

// Write renders the report.
func Write(w io.Writer, rep *Report, format string) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	case "markdown":
		var b strings.Builder
		for _, rr := range rep.Repos {
			fmt.Fprintf(&b, "## %s\n\n", rr.Repo)
			if rr.Error != "" {
				fmt.Fprintf(&b, "**error:** %s\n\n", mdEscape(rr.Error))
			}
			if rr.Skipped != "" {
				fmt.Fprintf(&b, "%s\n\n", mdEscape(rr.Skipped))
			}
			for _, n := range rr.Notes {
				fmt.Fprintf(&b, "Note: %s\n\n", mdEscape(n))
			}
			writeMarkdownTable(&b, rr, true)
			b.WriteString("\n")
			for _, s := range rr.Services {
				if s.Diff != "" {
					fmt.Fprintf(&b, "<details><summary>%s</summary>\n\n```diff\n%s```\n\n</details>\n\n", s.Service, s.Diff)
				}
			}
		}
		writeTotals(&b, rep)
		_, err := io.WriteString(w, b.String())
		return err
	}
	return writeText(w, rep)
}

func writeText(w io.Writer, rep *Report) error {
	var b strings.Builder
	for _, rr := range rep.Repos {
		fmt.Fprintf(&b, "%s", rr.Repo)
		if rr.Base != "" {
			fmt.Fprintf(&b, " (%s @ %.12s)", rr.Base, rr.BaseSHA)
		}
		b.WriteString("\n")
		if rr.Error != "" {
			fmt.Fprintf(&b, "  error: %s\n", rr.Error)
		}
		if rr.Skipped != "" {
			fmt.Fprintf(&b, "  %s\n", rr.Skipped)
		}
		for _, n := range rr.Notes {
			fmt.Fprintf(&b, "  note: %s\n", n)
		}
		for _, e := range rr.Errors {
			fmt.Fprintf(&b, "  error: %s\n", e)
		}
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		if len(rr.Services) > 0 {
			fmt.Fprintln(tw, "  SERVICE\tFOUND\tFIXED\tLEFT\tPR\tACTION")
		}
		for _, s := range rr.Services {
			pr := "-"
			if s.PR != nil {
				pr = fmt.Sprintf("#%d %s", s.PR.Number, s.PR.State)
				if s.PR.Checks != "" {
					pr += " checks:" + s.PR.Checks
				}
				if s.PR.Review != "" {
					pr += " review:" + s.PR.Review
				}
			}
			action := s.Action
			if s.Error != "" {
				action = "error: " + s.Error
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%s\t%s\t%s\n", s.Service, s.Found, s.Fixed, leftWhy(s), pr, action)
		}
		tw.Flush()
		for _, s := range rr.Services {
			for _, site := range s.Sites {
				kind := ""
				if site.Kind != "" {
					kind = " " + site.Kind + ":"
				}
				fmt.Fprintf(&b, "    %s:%d: %s%s %s (%s)\n", site.Path, site.Line, site.Rule, kind, site.Message, site.Reason)
			}
		}
		for _, s := range rr.Services {
			if s.Note != "" {
				fmt.Fprintf(&b, "  %s: %s\n", s.Service, s.Note)
			}
			if s.PR != nil && rep.Mode != Plan {
				fmt.Fprintf(&b, "  %s: %s\n", s.Service, s.PR.URL)
			}
		}
		if rr.Dashboard != "" {
			fmt.Fprintf(&b, "  dashboard: %s\n", rr.Dashboard)
		}
		for _, s := range rr.Services {
			b.WriteString(s.Diff)
		}
	}
	writeTotals(&b, rep)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTotals(b *strings.Builder, rep *Report) {
	found, fixed, left, prs := rep.Totals()
	fmt.Fprintf(b, "\n%s: %s, %d fixed by the campaign's changes, %d left without a fix; %s open.\n",
		rep.Campaign, plural(found, "finding"), fixed, left, plural(prs, "pull request"))
	if rep.Requests != nil {
		fmt.Fprintf(b, "GitHub requests: %d (%d writes, %d retries; waited %s).\n", rep.Requests.Total, rep.Requests.Writes, rep.Requests.Retries, rep.Requests.Waited)
	}
}

// WriteHTML writes the report as one self-contained page: the tables and
// the burndown as an inline SVG chart (the history summed over the
// repositories by date).
func WriteHTML(w io.Writer, rep *Report) error {
	byDate := map[string]Point{}
	for _, rr := range rep.Repos {
		for _, p := range rr.History {
			q := byDate[p.Date]
			q.Date, q.Left, q.Fixed = p.Date, q.Left+p.Left, q.Fixed+p.Fixed
			byDate[p.Date] = q
		}
	}
	var hist []Point
	for _, p := range byDate {
		hist = append(hist, p)
	}
	sort.Slice(hist, func(i, j int) bool { return hist[i].Date < hist[j].Date })
	found, fixed, left, prs := rep.Totals()
	return htmlPage.Execute(w, map[string]any{
		"R": rep, "Chart": template.HTML(svgChart(hist)),
		"Found": found, "Fixed": fixed, "Left": left, "PRs": prs,
	})
}

// svgChart draws the burndown: findings left and what the open pull
// requests would leave, one point per date.
func svgChart(h []Point) string {
	if len(h) == 0 {
		return "<p>No history yet: run with --dashboard to record one point per day in the dashboard issue.</p>"
	}
	const W, H, pad = 640.0, 240.0, 40.0
	top := 1
	for _, p := range h {
		top = max(top, p.Left)
	}
	x := func(i int) float64 {
		if len(h) == 1 {
			return pad + (W-2*pad)/2
		}
		return pad + float64(i)*(W-2*pad)/float64(len(h)-1)
	}
	y := func(v int) float64 { return H - pad - float64(v)*(H-2*pad)/float64(top) }
	line := func(val func(Point) int) string {
		var pts []string
		for i, p := range h {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(val(p))))
		}
		return strings.Join(pts, " ")
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="burndown">`, W, H, W, H)
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#888"/><line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#888"/>`, pad, H-pad, W-pad, H-pad, pad, pad, pad, H-pad)
	fmt.Fprintf(&b, `<text x="4" y="%.0f" font-size="11">%d</text><text x="4" y="%.0f" font-size="11">0</text>`, pad+4, top, H-pad)
	fmt.Fprintf(&b, `<polyline fill="none" stroke="#d73a49" stroke-width="2" points="%s"/>`, line(func(p Point) int { return p.Left }))
	fmt.Fprintf(&b, `<polyline fill="none" stroke="#2188ff" stroke-width="2" stroke-dasharray="4 3" points="%s"/>`, line(func(p Point) int { return p.Left - p.Fixed }))
	for i, p := range h {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#d73a49"><title>%s: %d left</title></circle>`, x(i), y(p.Left), template.HTMLEscapeString(p.Date), p.Left)
		if i == 0 || i == len(h)-1 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="11" text-anchor="middle">%s</text>`, x(i), H-pad+16, template.HTMLEscapeString(p.Date))
		}
	}
	b.WriteString(`</svg><p><span style="color:#d73a49">━</span> findings left on the base branch &nbsp; <span style="color:#2188ff">┅</span> left once the open pull requests are merged</p>`)
	return b.String()
}

var htmlPage = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>xylint migrate: {{.R.Campaign}}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}th{background:#f6f8fa}.n{text-align:right}.err{color:#b31d28}</style></head>
<body><h1>xylint migrate: {{.R.Campaign}}</h1>
<p>{{.Found}} findings, {{.Fixed}} fixed by the campaign's changes, {{.Left}} without a fix; {{.PRs}} pull requests open.</p>
<h2>Burndown</h2>{{.Chart}}
{{range .R.Repos}}<h2>{{.Repo}}</h2>{{if .Error}}<p class="err">{{.Error}}</p>{{end}}{{with .Skipped}}<p>{{.}}</p>{{end}}{{range .Notes}}<p>Note: {{.}}</p>{{end}}{{if .Dashboard}}<p><a href="{{.Dashboard}}">dashboard issue</a></p>{{end}}
<table><tr><th>service</th><th>found</th><th>fixed in PR</th><th>left</th><th>pull request</th><th>action</th></tr>
{{range .Services}}<tr><td><code>{{.Service}}</code></td><td class="n">{{.Found}}</td><td class="n">{{.Fixed}}</td><td>{{range $k, $v := .Left}}{{$k}}: {{$v}} {{end}}</td><td>{{with .PR}}<a href="{{.URL}}">#{{.Number}}</a> {{.State}}{{if .Checks}}, checks {{.Checks}}{{end}}{{if .Review}}, review {{.Review}}{{end}}{{end}}</td><td>{{if .Error}}<span class="err">{{.Error}}</span>{{else}}{{.Action}}{{end}}</td></tr>
{{end}}</table>{{end}}
</body></html>
`))
