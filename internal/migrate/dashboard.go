package migrate

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
)

// dashMarker is the state kept in the dashboard issue's body: the burndown
// history (GitHub is the only store).
type dashMarker struct {
	Campaign string  `json:"campaign"`
	History  []Point `json:"history"`
	// PRs are the numbers of each service's pull requests that were not
	// merged (the newest few): a re-run finds them even when someone
	// removed their label and deleted their branch.
	PRs map[string][]int `json:"prs,omitempty"`
}

// maxKnownPRs bounds the pull request numbers kept per service.
const maxKnownPRs = 3

// knownPRs lists each service's pull requests that were not merged, by
// number, the newest last.
func (r *repoExec) knownPRs() map[string][]int {
	out := map[string][]int{}
	add := func(svc string, n int) {
		if !slices.Contains(out[svc], n) {
			out[svc] = append(out[svc], n)
		}
	}
	for svc, ps := range r.prs {
		for _, p := range ps {
			if !p.merged {
				add(svc, p.number)
			}
		}
	}
	for _, s := range r.rep.Services {
		if s.PR != nil && s.PR.State != "merged" {
			add(s.Service, s.PR.Number)
		}
	}
	for svc, ns := range out {
		slices.Sort(ns)
		out[svc] = ns[max(0, len(ns)-maxKnownPRs):]
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// maxHistory bounds the points kept (a year of weekly runs and then some;
// an issue body holds 65,536 characters).
const maxHistory = 400

// withPoint adds today's point, replacing one of the same day.
func withPoint(h []Point, p Point) []Point {
	h = append([]Point(nil), h...)
	if n := len(h); n > 0 && h[n-1].Date == p.Date {
		h[n-1] = p
	} else {
		h = append(h, p)
	}
	if len(h) > maxHistory {
		h = h[len(h)-maxHistory:]
	}
	return h
}

func (r *repoExec) updateDashboard(ctx context.Context) error {
	var dm dashMarker
	if r.dashboard != nil {
		decodeMarker(r.dashboard.body, dashMarkerTag, &dm)
	}
	dm.Campaign = r.c.Name
	left, inPRs := 0, 0
	for _, s := range r.rep.Services {
		left += s.Found
		if s.PR != nil && (s.PR.State == "open" || s.PR.State == "draft") {
			inPRs += s.Fixed
		}
	}
	dm.History = withPoint(dm.History, Point{Date: today(r.opts.Clock), Left: left, Fixed: inPRs})
	dm.PRs = r.knownPRs()
	r.rep.History = dm.History
	title := fmt.Sprintf("xylint migrate: %s dashboard", r.c.Name)
	body := withMarker(DashboardMarkdown(r.c, r.rep), dashMarkerTag, dm)
	gh := r.gh
	if r.dashboard != nil {
		r.rep.Dashboard = r.dashboard.url
		if r.dashboard.body == body && r.dashboard.title == title && r.dashboard.state == "open" {
			return nil
		}
		_, _, err := gh.Issues.Edit(ctx, r.owner, r.name, r.dashboard.number, &github.IssueRequest{Title: github.String(title), Body: github.String(body), State: github.String("open")})
		return err
	}
	labels := []string{r.c.Label()}
	is, _, err := gh.Issues.Create(ctx, r.owner, r.name, &github.IssueRequest{Title: github.String(title), Body: github.String(body), Labels: &labels})
	if ghclient.IsUnknownOutcome(err) {
		// Created or not? Look before creating a second one.
		list, _, lerr := gh.Issues.ListByRepo(ctx, r.owner, r.name, &github.IssueListByRepoOptions{State: "all", Labels: labels})
		if lerr == nil {
			for _, x := range list {
				var m dashMarker
				if !x.IsPullRequest() && decodeMarker(x.GetBody(), dashMarkerTag, &m) && m.Campaign == r.c.Name {
					r.rep.Dashboard = x.GetHTMLURL()
					return nil
				}
			}
		}
		is, _, err = gh.Issues.Create(ctx, r.owner, r.name, &github.IssueRequest{Title: github.String(title), Body: github.String(body), Labels: &labels})
	}
	if err != nil {
		return err
	}
	r.rep.Dashboard = is.GetHTMLURL()
	return nil
}

// DashboardMarkdown renders a repository's dashboard: the per-service table
// and the burndown as a Mermaid xychart-beta chart (GitHub renders it).
func DashboardMarkdown(c *Campaign, rr *RepoReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "This issue tracks the **%s** campaign of `xylint migrate` (rules %s) in this repository. xylint updates it on each run; edits to it are overwritten.\n\n", c.Name, strings.Join(c.Rules, ", "))
	if len(rr.History) > 0 {
		b.WriteString("## Burndown\n\n")
		b.WriteString(mermaidChart(rr.History))
		b.WriteString("\n")
	}
	b.WriteString("## Services\n\n")
	writeMarkdownTable(&b, rr, false)
	return b.String()
}

func mermaidChart(h []Point) string {
	var b strings.Builder
	top := 1
	var xs, left, prs []string
	for _, p := range h {
		top = max(top, p.Left)
		xs = append(xs, fmt.Sprintf("%q", p.Date))
		left = append(left, fmt.Sprint(p.Left))
		prs = append(prs, fmt.Sprint(p.Left-p.Fixed))
	}
	b.WriteString("```mermaid\nxychart-beta\n")
	b.WriteString("    title \"Findings left on the base branch\"\n")
	fmt.Fprintf(&b, "    x-axis [%s]\n", strings.Join(xs, ", "))
	fmt.Fprintf(&b, "    y-axis \"findings\" 0 --> %d\n", top)
	fmt.Fprintf(&b, "    line [%s]\n", strings.Join(left, ", "))
	fmt.Fprintf(&b, "    line [%s]\n", strings.Join(prs, ", "))
	b.WriteString("```\n\nUpper line: findings on the base branch; lower line: what would be left once the open pull requests are merged.\n")
	return b.String()
}

// writeMarkdownTable writes the services' table; with actions, the last
// column says what the command did (the dashboard, rewritten only when it
// changes, shows states only).
func writeMarkdownTable(b *strings.Builder, rr *RepoReport, actions bool) {
	b.WriteString("| service | found | fixed in PR | left (why) | pull request |")
	if actions {
		b.WriteString(" action |\n| --- | ---: | ---: | --- | --- | --- |\n")
	} else {
		b.WriteString("\n| --- | ---: | ---: | --- | --- |\n")
	}
	for _, s := range rr.Services {
		pr := "—"
		if s.PR != nil {
			pr = fmt.Sprintf("[#%d](%s) %s", s.PR.Number, s.PR.URL, s.PR.State)
			if s.PR.Checks != "" {
				pr += ", checks " + s.PR.Checks
			}
			if s.PR.Review != "" {
				pr += ", review " + s.PR.Review
			}
		}
		fmt.Fprintf(b, "| `%s` | %d | %d | %s | %s |", s.Service, s.Found, s.Fixed, leftWhy(s), pr)
		if actions {
			action := s.Action
			if s.Error != "" {
				action = "error: " + s.Error
			}
			fmt.Fprintf(b, " %s |", mdEscape(action))
		}
		b.WriteString("\n")
	}
}

func leftWhy(s *ServiceReport) string {
	n := s.LeftTotal()
	if n == 0 {
		return "0"
	}
	var parts []string
	for _, why := range []string{"no fix", "unsafe", "conflict", "failed", "syntax errors"} {
		if v := s.Left[why]; v > 0 {
			parts = append(parts, fmt.Sprintf("%s: %d", why, v))
		}
	}
	return fmt.Sprintf("%d (%s)", n, strings.Join(parts, ", "))
}
