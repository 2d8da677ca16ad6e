package review

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
)

// Options configure Run.
type Options struct {
	Client      *ghclient.Client
	Owner, Repo string
	Number      int
	// Commit is the commit the findings were computed on. When the pull
	// request's head has moved on, nothing is written: the run of the newer
	// push reviews it.
	Commit   string
	Findings []*Finding
	Files    []File
	Plan     PlanOptions
	// Extra is a paragraph added to the review's body.
	Extra string
	Logf  func(format string, args ...any)
}

// Report is what Run did.
type Report struct {
	Plan                            *Plan
	Created, Updated, Deleted, Kept int
	KeptReplied                     int // comments whose finding is gone, kept because someone replied
	Review                          int64
	ReviewURL                       string
	SummaryUpdated                  bool
	Stale                           bool // the head moved on: nothing written
	Retried                         bool // GitHub refused a comment's line: planned again
	Head                            string
}

// ErrReadOnly is returned when the token may not write reviews (a pull
// request from a fork, whose workflow token is read-only).
var ErrReadOnly = errors.New("the token cannot write to this pull request (a pull request from a fork gets a read-only token)")

// Run reviews the pull request: it reads the diff and xylint's comments
// from an earlier run, makes one review with the comments that are new,
// edits those whose text changed, and deletes those whose finding is gone
// (unless someone replied). A second run on the same head writes nothing.
func Run(ctx context.Context, opts Options) (*Report, error) {
	gh := opts.Client
	pr, _, err := gh.PullRequests.Get(ctx, opts.Owner, opts.Repo, opts.Number)
	if err != nil {
		return nil, fmt.Errorf("reading pull request #%d: %w", opts.Number, err)
	}
	rep := &Report{Head: pr.GetHead().GetSHA()}
	if opts.Commit != "" && opts.Commit != rep.Head {
		rep.Stale = true
		return rep, nil
	}
	existing, err := listComments(ctx, gh, opts)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		diffs, err := listDiff(ctx, gh, opts)
		if err != nil {
			return nil, err
		}
		plan := MakePlan(opts.Findings, opts.Files, diffs, opts.Plan)
		rep.Plan = plan
		err = apply(ctx, gh, opts, plan, existing, rep, attempt > 0)
		if err == nil {
			return rep, nil
		}
		if ghclient.Status(err) == http.StatusForbidden && ghclient.Says(err, "Resource not accessible") {
			return rep, ErrReadOnly
		}
		if ghclient.Status(err) != http.StatusUnprocessableEntity || attempt > 0 {
			return rep, err
		}
		// A line GitHub does not take as part of the diff: the diff
		// changed since it was read (a push), or it reads it otherwise.
		// Read it again and plan once more; a second refusal posts
		// everything in the body.
		rep.Retried = true
		if pr, _, err = gh.PullRequests.Get(ctx, opts.Owner, opts.Repo, opts.Number); err != nil {
			return rep, err
		}
		if opts.Commit != "" && pr.GetHead().GetSHA() != opts.Commit {
			rep.Stale = true
			return rep, nil
		}
	}
}

// existingComment is a comment xylint made on an earlier run.
type existingComment struct {
	*github.PullRequestComment
	key     string
	replied bool
}

var markerRE = regexp.MustCompile(`<!-- xylint-review:([0-9a-f]+) -->`)

func listComments(ctx context.Context, gh *ghclient.Client, opts Options) ([]*existingComment, error) {
	var all []*github.PullRequestComment
	lo := &github.PullRequestListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for {
		cs, resp, err := gh.PullRequests.ListComments(ctx, opts.Owner, opts.Repo, opts.Number, lo)
		if err != nil {
			return nil, fmt.Errorf("reading the pull request's review comments: %w", err)
		}
		all = append(all, cs...)
		if resp.NextPage == 0 {
			break
		}
		lo.Page = resp.NextPage
	}
	replied := map[int64]bool{}
	for _, c := range all {
		if c.InReplyTo != nil {
			replied[c.GetInReplyTo()] = true
		}
	}
	var out []*existingComment
	for _, c := range all {
		m := markerRE.FindStringSubmatch(c.GetBody())
		if m == nil || c.InReplyTo != nil {
			continue
		}
		out = append(out, &existingComment{PullRequestComment: c, key: m[1], replied: replied[c.GetID()]})
	}
	return out, nil
}

// hunkHeader is a unified diff hunk's header: "@@ -a,b +c,d @@".
var hunkHeader = regexp.MustCompile(`^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@`)

// ParsePatch returns the lines of the new side that a file's patch (as the
// pull request files API gives it) shows, with their hunk's index.
func ParsePatch(patch string) map[int]int {
	right := map[int]int{}
	hunk, line := -1, 0
	for _, l := range strings.Split(patch, "\n") {
		if m := hunkHeader.FindStringSubmatch(l); m != nil {
			hunk++
			line, _ = strconv.Atoi(m[1])
			continue
		}
		if hunk < 0 || l == "" {
			continue
		}
		switch {
		case strings.HasPrefix(l, "+"), strings.HasPrefix(l, " "):
			right[line] = hunk
			line++
		case strings.HasPrefix(l, "-"), strings.HasPrefix(l, `\`):
		}
	}
	return right
}

func listDiff(ctx context.Context, gh *ghclient.Client, opts Options) (map[string]*Diff, error) {
	out := map[string]*Diff{}
	lo := &github.ListOptions{PerPage: 100}
	for {
		fs, resp, err := gh.PullRequests.ListFiles(ctx, opts.Owner, opts.Repo, opts.Number, lo)
		if err != nil {
			return nil, fmt.Errorf("reading the pull request's files: %w", err)
		}
		for _, f := range fs {
			if f.GetStatus() == "removed" {
				continue
			}
			// A file whose patch GitHub leaves out (too large, binary) has
			// no line a comment can sit on.
			out[f.GetFilename()] = &Diff{Path: f.GetFilename(), SHA: f.GetSHA(), Right: ParsePatch(f.GetPatch())}
		}
		if resp.NextPage == 0 {
			break
		}
		lo.Page = resp.NextPage
	}
	return out, nil
}

// apply makes plan on the pull request. On a second attempt (GitHub
// refused a line the first time) the comments go in the review's body.
func apply(ctx context.Context, gh *ghclient.Client, opts Options, plan *Plan, existing []*existingComment, rep *Report, bodyOnly bool) error {
	byKey := map[string][]*existingComment{}
	for _, e := range existing {
		byKey[e.key] = append(byKey[e.key], e)
	}
	used := map[*existingComment]bool{}
	var create []*Comment
	type edit struct {
		id   int64
		body string
	}
	var edits []edit
	for _, c := range plan.Comments {
		var match *existingComment
		for _, e := range byKey[c.Key] {
			if !used[e] && e.GetLine() == c.Line && e.GetStartLine() == c.StartLine && e.GetPath() == c.Path {
				match = e
				break
			}
		}
		if match == nil {
			create = append(create, c)
			continue
		}
		used[match] = true
		if match.GetBody() != c.Body {
			edits = append(edits, edit{match.GetID(), c.Body})
		} else {
			rep.Kept++
		}
	}
	if bodyOnly && len(create) > 0 {
		extra := opts.Extra
		if extra != "" {
			extra += "\n\n"
		}
		extra += "GitHub did not take some comments' lines as part of the diff, so they are listed below."
		for _, c := range create {
			for _, f := range c.Findings {
				plan.Left = append(plan.Left, Left{f, "GitHub refused the comment's line"})
			}
		}
		create = nil
		opts.Extra = extra
	}
	made := rep.Kept + len(edits) + len(create)
	summary := plan.Summary(made, opts.Extra)
	latest, err := latestSummary(ctx, gh, opts)
	if err != nil {
		return err
	}
	switch {
	case len(create) > 0 || (latest == nil && plan.Findings > 0):
		req := &github.PullRequestReviewRequest{CommitID: github.String(opts.commit(rep)), Body: github.String(summary), Event: github.String("COMMENT")}
		for _, c := range create {
			dc := &github.DraftReviewComment{Path: github.String(c.Path), Line: github.Int(c.Line), Side: github.String("RIGHT"), Body: github.String(c.Body)}
			if c.StartLine > 0 {
				dc.StartLine, dc.StartSide = github.Int(c.StartLine), github.String("RIGHT")
			}
			req.Comments = append(req.Comments, dc)
		}
		rv, _, err := gh.PullRequests.CreateReview(ctx, opts.Owner, opts.Repo, opts.Number, req)
		if ghclient.IsUnknownOutcome(err) {
			// GitHub may have made it: look before making it again.
			if found, ferr := findReview(ctx, gh, opts, summary, opts.commit(rep)); ferr == nil && found != nil {
				rv, err = found, nil
			}
		}
		if err != nil {
			return err
		}
		rep.Created, rep.Review, rep.ReviewURL = len(create), rv.GetID(), rv.GetHTMLURL()
	case latest != nil && latest.GetBody() != summary:
		if _, _, err := gh.PullRequests.UpdateReview(ctx, opts.Owner, opts.Repo, opts.Number, latest.GetID(), summary); err != nil {
			return err
		}
		rep.SummaryUpdated, rep.Review = true, latest.GetID()
	}
	for _, e := range edits {
		if _, _, err := gh.PullRequests.EditComment(ctx, opts.Owner, opts.Repo, e.id, &github.PullRequestComment{Body: github.String(e.body)}); err != nil {
			return err
		}
		rep.Updated++
	}
	for _, e := range existing {
		if used[e] {
			continue
		}
		if e.replied {
			rep.KeptReplied++
			continue
		}
		if _, err := gh.PullRequests.DeleteComment(ctx, opts.Owner, opts.Repo, e.GetID()); err != nil && ghclient.Status(err) != http.StatusNotFound {
			return err
		}
		rep.Deleted++
	}
	return nil
}

func (o Options) commit(rep *Report) string {
	if o.Commit != "" {
		return o.Commit
	}
	return rep.Head
}

func listReviews(ctx context.Context, gh *ghclient.Client, opts Options) ([]*github.PullRequestReview, error) {
	var all []*github.PullRequestReview
	lo := &github.ListOptions{PerPage: 100}
	for {
		rs, resp, err := gh.PullRequests.ListReviews(ctx, opts.Owner, opts.Repo, opts.Number, lo)
		if err != nil {
			return nil, fmt.Errorf("reading the pull request's reviews: %w", err)
		}
		all = append(all, rs...)
		if resp.NextPage == 0 {
			return all, nil
		}
		lo.Page = resp.NextPage
	}
}

// latestSummary is xylint's latest review, nil when there is none.
func latestSummary(ctx context.Context, gh *ghclient.Client, opts Options) (*github.PullRequestReview, error) {
	rs, err := listReviews(ctx, gh, opts)
	if err != nil {
		return nil, err
	}
	for i := len(rs) - 1; i >= 0; i-- {
		if strings.Contains(rs[i].GetBody(), summaryMarker) {
			return rs[i], nil
		}
	}
	return nil, nil
}

func findReview(ctx context.Context, gh *ghclient.Client, opts Options, body, commit string) (*github.PullRequestReview, error) {
	rs, err := listReviews(ctx, gh, opts)
	if err != nil {
		return nil, err
	}
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i].GetBody() == body && rs[i].GetCommitID() == commit {
			return rs[i], nil
		}
	}
	return nil, nil
}
