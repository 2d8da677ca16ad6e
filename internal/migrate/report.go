package migrate

import (
	"fmt"
	"sort"
	"time"

	"github.com/xynergy/xylint/internal/github/ghclient"
)

// Report is what a plan, run, status or close did, per repository and
// service.
type Report struct {
	Campaign string         `json:"campaign"`
	Mode     Mode           `json:"mode"`
	Repos    []*RepoReport  `json:"repos"`
	Requests *RequestCounts `json:"requests,omitempty"`
}

// RequestCounts are the GitHub requests a command made.
type RequestCounts struct {
	Total   int    `json:"total"`
	Writes  int    `json:"writes"`
	Retries int    `json:"retries"`
	Waited  string `json:"waited"`
}

func countsOf(s ghclient.Stats) *RequestCounts {
	return &RequestCounts{Total: s.Requests, Writes: s.Writes, Retries: s.Retries, Waited: s.Waited.String()}
}

// RepoReport is one repository's part.
type RepoReport struct {
	Repo      string           `json:"repo"`
	Base      string           `json:"base,omitempty"`
	BaseSHA   string           `json:"baseSha,omitempty"`
	Error     string           `json:"error,omitempty"`
	Skipped   string           `json:"skipped,omitempty"` // why nothing was done (archived, empty): not an error
	Notes     []string         `json:"notes,omitempty"`
	Errors    []string         `json:"analysisErrors,omitempty"`
	Services  []*ServiceReport `json:"services"`
	Dashboard string           `json:"dashboard,omitempty"` // the tracking issue's URL
	History   []Point          `json:"history,omitempty"`
}

// Point is one entry of the burndown: the campaign's findings left on the
// base branch on a day.
type Point struct {
	Date  string `json:"date"` // YYYY-MM-DD
	Left  int    `json:"left"`
	Fixed int    `json:"inPRs"` // of which fixed by the open pull requests
}

// ServiceReport is one service's part.
type ServiceReport struct {
	Service string         `json:"service"`
	Branch  string         `json:"branch"`
	Found   int            `json:"found"`            // the campaign's findings on the base branch
	Fixed   int            `json:"fixed"`            // fixed by the change
	Left    map[string]int `json:"left,omitempty"`   // findings the change leaves, by reason
	ByRule  map[string]int `json:"byRule,omitempty"` // findings found, by rule
	// LeftByKind counts the findings left by rule and kind
	// ("XY003 per-request").
	LeftByKind map[string]int `json:"leftByKind,omitempty"`
	Sites      []Site         `json:"sites,omitempty"`
	Files      []string       `json:"files,omitempty"` // files changed
	Diff       string         `json:"diff,omitempty"`
	PR         *PRState       `json:"pr,omitempty"`
	// Action is what the command did or, for plan, would do.
	Action string `json:"action"`
	Note   string `json:"note,omitempty"`
	Error  string `json:"error,omitempty"`
}

// LeftTotal is the number of findings the change leaves.
func (s *ServiceReport) LeftTotal() int {
	n := 0
	for _, v := range s.Left {
		n += v
	}
	return n
}

// PRState is a pull request as the report shows it.
type PRState struct {
	Number int    `json:"number"`
	URL    string `json:"url"`
	State  string `json:"state"` // open, draft, closed, merged
	Checks string `json:"checks,omitempty"`
	Review string `json:"review,omitempty"`
}

// Totals sums the services of all repositories.
func (r *Report) Totals() (found, fixed, left, prs int) {
	for _, rr := range r.Repos {
		for _, s := range rr.Services {
			found += s.Found
			fixed += s.Fixed
			left += s.LeftTotal()
			if s.PR != nil && (s.PR.State == "open" || s.PR.State == "draft") {
				prs++
			}
		}
	}
	return
}

func (rr *RepoReport) sortServices() {
	sort.Slice(rr.Services, func(i, j int) bool { return rr.Services[i].Service < rr.Services[j].Service })
}

func today(c ghclient.Clock) string { return c.Now().UTC().Format(time.DateOnly) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
