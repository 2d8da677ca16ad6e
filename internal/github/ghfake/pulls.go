package ghfake

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v62/github"
)

func (r *Repo) prHeadSHA(is *issue) string {
	if is.state == "open" {
		if sha := r.refs["refs/heads/"+is.pr.head]; sha != "" {
			return sha
		}
	}
	return is.pr.headSHA
}

func (s *Server) newIssue(r *request, title, body string) *issue {
	now := s.Clock.Now()
	is := &issue{number: len(r.repo.issues) + 1, title: title, body: body, state: "open", user: r.user, created: now, updated: now}
	r.repo.issues = append(r.repo.issues, is)
	return is
}

func (s *Server) findIssue(r *request, wantPR bool) (*issue, *httpError) {
	n, e := r.intParam("number")
	if e != nil {
		return nil, e
	}
	if n < 1 || n > len(r.repo.issues) || (wantPR && r.repo.issues[n-1].pr == nil) {
		return nil, errf(http.StatusNotFound, "Not Found")
	}
	return r.repo.issues[n-1], nil
}

func (s *Server) prJSON(r *request, is *issue) *github.PullRequest {
	repo := r.repo
	p := &github.PullRequest{
		Number:  github.Int(is.number),
		Title:   github.String(is.title),
		Body:    github.String(is.body),
		State:   github.String(is.state),
		Draft:   github.Bool(is.pr.draft),
		Merged:  github.Bool(is.pr.merged),
		HTMLURL: github.String(fmt.Sprintf("%s/%s/%s/pull/%d", s.Server.URL, repo.Owner, repo.Name, is.number)),
		User:    &github.User{Login: github.String(is.user)},
		Head: &github.PullRequestBranch{Ref: github.String(is.pr.head), SHA: github.String(repo.prHeadSHA(is)),
			Label: github.String(repo.Owner + ":" + is.pr.head), Repo: &github.Repository{FullName: github.String(repo.Owner + "/" + repo.Name)}},
		Base:      &github.PullRequestBranch{Ref: github.String(is.pr.base), SHA: github.String(repo.refs["refs/heads/"+is.pr.base])},
		CreatedAt: &github.Timestamp{Time: is.created},
		UpdatedAt: &github.Timestamp{Time: is.updated},
	}
	if is.pr.merged {
		p.MergedAt = &github.Timestamp{Time: is.pr.mergedAt}
	}
	if !is.closed.IsZero() {
		p.ClosedAt = &github.Timestamp{Time: is.closed}
	}
	for _, l := range is.labels {
		p.Labels = append(p.Labels, &github.Label{Name: github.String(l)})
	}
	for _, u := range is.pr.reviewers {
		p.RequestedReviewers = append(p.RequestedReviewers, &github.User{Login: github.String(u)})
	}
	for _, t := range is.pr.teams {
		p.RequestedTeams = append(p.RequestedTeams, &github.Team{Slug: github.String(t)})
	}
	return p
}

func (s *Server) issueJSON(r *request, is *issue) *github.Issue {
	repo := r.repo
	out := &github.Issue{
		Number:    github.Int(is.number),
		Title:     github.String(is.title),
		Body:      github.String(is.body),
		State:     github.String(is.state),
		User:      &github.User{Login: github.String(is.user)},
		HTMLURL:   github.String(fmt.Sprintf("%s/%s/%s/issues/%d", s.Server.URL, repo.Owner, repo.Name, is.number)),
		Comments:  github.Int(len(is.comments)),
		CreatedAt: &github.Timestamp{Time: is.created},
		UpdatedAt: &github.Timestamp{Time: is.updated},
	}
	for _, l := range is.labels {
		out.Labels = append(out.Labels, &github.Label{Name: github.String(l)})
	}
	if is.pr != nil {
		links := &github.PullRequestLinks{HTMLURL: github.String(fmt.Sprintf("%s/%s/%s/pull/%d", s.Server.URL, repo.Owner, repo.Name, is.number))}
		if is.pr.merged {
			links.MergedAt = &github.Timestamp{Time: is.pr.mergedAt}
		}
		out.PullRequestLinks = links
		out.HTMLURL = links.HTMLURL
		out.Draft = github.Bool(is.pr.draft)
	}
	return out
}

func (s *Server) mergeLocked(repo *Repo, is *issue) {
	head := repo.refs["refs/heads/"+is.pr.head]
	base := repo.refs["refs/heads/"+is.pr.base]
	now := s.Clock.Now()
	// A squash merge: the head's changes over the merge base, applied to
	// the base branch as one commit.
	headFiles := repo.obj.flatten(repo.obj.commits[head].Tree)
	parentFiles := map[string]file{}
	if c := repo.obj.commits[head]; len(c.Parents) > 0 {
		parentFiles = repo.obj.flatten(repo.obj.commits[c.Parents[0]].Tree)
	}
	baseFiles := repo.obj.flatten(repo.obj.commits[base].Tree)
	for p, f := range headFiles {
		if parentFiles[p] != f {
			baseFiles[p] = f
		}
	}
	for p := range parentFiles {
		if _, ok := headFiles[p]; !ok {
			delete(baseFiles, p)
		}
	}
	who := Person{Name: "Maintainer", Email: "maintainer@example.com", Date: now}
	c := &Commit{Tree: repo.obj.build(baseFiles), Parents: []string{base}, Author: who, Committer: who, Message: is.title + fmt.Sprintf(" (#%d)", is.number)}
	repo.refs["refs/heads/"+is.pr.base] = repo.obj.putCommit(c)
	is.pr.headSHA = head
	is.pr.merged, is.pr.mergedAt = true, now
	is.state, is.closed, is.updated = "closed", now, now
}

// maxBody is GitHub's limit on a pull request's, issue's or comment's body.
const maxBody = 65536

func bodyTooLong(resource string, body *string) *httpError {
	if body != nil && utf8.RuneCountInString(*body) > maxBody {
		return validation(resource, "body", "custom", fmt.Sprintf("body is too long (maximum is %d characters)", maxBody))
	}
	return nil
}

func addLabels(repo *Repo, is *issue, labels []string) {
	for _, l := range labels {
		repo.labels[l] = true // adding an unknown label creates it, as GitHub does
		if !slices.Contains(is.labels, l) {
			is.labels = append(is.labels, l)
		}
	}
}

func init() {
	handle("GET", "/repos/{owner}/{repo}/pulls", func(s *Server, r *request) (int, any, *httpError) {
		q := r.URL.Query()
		state := q.Get("state")
		if state == "" {
			state = "open"
		}
		var out []*github.PullRequest
		for i := len(r.repo.issues) - 1; i >= 0; i-- { // newest first
			is := r.repo.issues[i]
			if is.pr == nil || (state != "all" && is.state != state) {
				continue
			}
			if h := q.Get("head"); h != "" && h != r.repo.Owner+":"+is.pr.head {
				continue
			}
			if b := q.Get("base"); b != "" && b != is.pr.base {
				continue
			}
			out = append(out, s.prJSON(r, is))
		}
		return 200, page(r, out), nil
	})
	handle("POST", "/repos/{owner}/{repo}/pulls", func(s *Server, r *request) (int, any, *httpError) {
		var in github.NewPullRequest
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		head := in.GetHead()
		if owner, ref, ok := strings.Cut(head, ":"); ok {
			if owner != r.repo.Owner {
				return 0, nil, validation("PullRequest", "head", "invalid", "")
			}
			head = ref
		}
		base := in.GetBase()
		if in.GetTitle() == "" {
			return 0, nil, validation("PullRequest", "title", "missing_field", "")
		}
		if e := bodyTooLong("PullRequest", in.Body); e != nil {
			return 0, nil, e
		}
		baseSHA, headSHA := r.repo.refs["refs/heads/"+base], r.repo.refs["refs/heads/"+head]
		if baseSHA == "" {
			return 0, nil, validation("PullRequest", "base", "invalid", "")
		}
		if headSHA == "" {
			return 0, nil, validation("PullRequest", "head", "invalid", "")
		}
		for _, is := range r.repo.issues {
			if is.pr != nil && is.state == "open" && is.pr.head == head && is.pr.base == base {
				return 0, nil, validation("PullRequest", "", "custom", fmt.Sprintf("A pull request already exists for %s:%s.", r.repo.Owner, head))
			}
		}
		if r.repo.obj.isAncestor(headSHA, baseSHA) {
			return 0, nil, validation("PullRequest", "", "custom", fmt.Sprintf("No commits between %s and %s", base, head))
		}
		is := s.newIssue(r, in.GetTitle(), in.GetBody())
		is.pr = &pull{head: head, base: base, draft: in.GetDraft()}
		return http.StatusCreated, s.prJSON(r, is), nil
	})
	handle("GET", "/repos/{owner}/{repo}/pulls/{number}", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		return 200, s.prJSON(r, is), nil
	})
	handle("PATCH", "/repos/{owner}/{repo}/pulls/{number}", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		var in struct {
			Title, Body, State, Base *string
		}
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if e := bodyTooLong("PullRequest", in.Body); e != nil {
			return 0, nil, e
		}
		if in.State != nil && *in.State != is.state {
			switch {
			case *in.State == "open" && is.pr.merged:
				return 0, nil, validation("PullRequest", "state", "invalid", "state cannot be changed. The pull request has been merged.")
			case *in.State == "open" && r.repo.refs["refs/heads/"+is.pr.head] == "":
				return 0, nil, validation("PullRequest", "state", "invalid", "state cannot be changed. The "+is.pr.head+" branch has been deleted.")
			case *in.State == "open":
				for _, o := range r.repo.issues {
					if o.pr != nil && o.state == "open" && o.pr.head == is.pr.head && o.pr.base == is.pr.base {
						return 0, nil, validation("PullRequest", "", "custom", fmt.Sprintf("A pull request already exists for %s:%s.", r.repo.Owner, is.pr.head))
					}
				}
				is.state, is.closed = "open", time.Time{}
			case *in.State == "closed":
				is.pr.headSHA = r.repo.refs["refs/heads/"+is.pr.head]
				is.state, is.closed = "closed", s.Clock.Now()
			default:
				return 0, nil, validation("PullRequest", "state", "invalid", "")
			}
		}
		if in.Title != nil {
			is.title = *in.Title
		}
		if in.Body != nil {
			is.body = *in.Body
		}
		if in.Base != nil {
			if r.repo.refs["refs/heads/"+*in.Base] == "" {
				return 0, nil, validation("PullRequest", "base", "invalid", "")
			}
			is.pr.base = *in.Base
		}
		is.updated = s.Clock.Now()
		return 200, s.prJSON(r, is), nil
	})
	handle("PUT", "/repos/{owner}/{repo}/pulls/{number}/merge", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		if is.state != "open" {
			return 0, nil, errf(http.StatusMethodNotAllowed, "Pull Request is not mergeable")
		}
		s.mergeLocked(r.repo, is)
		return 200, &github.PullRequestMergeResult{Merged: github.Bool(true), SHA: github.String(r.repo.refs["refs/heads/"+is.pr.base])}, nil
	})
	handle("POST", "/repos/{owner}/{repo}/pulls/{number}/requested_reviewers", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		var in github.ReviewersRequest
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		for _, u := range in.Reviewers {
			if u == is.user {
				return 0, nil, errf(http.StatusUnprocessableEntity, "Review cannot be requested from pull request author.")
			}
			if !slices.Contains(is.pr.reviewers, u) {
				is.pr.reviewers = append(is.pr.reviewers, u)
			}
		}
		for _, t := range in.TeamReviewers {
			if !slices.Contains(is.pr.teams, t) {
				is.pr.teams = append(is.pr.teams, t)
			}
		}
		return http.StatusCreated, s.prJSON(r, is), nil
	})
	handle("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		out := []*github.PullRequestReview{}
		for _, rv := range is.pr.reviews {
			out = append(out, reviewJSON(rv))
		}
		return 200, page(r, out), nil
	})

	// Issues (pull requests are issues too).
	handle("GET", "/repos/{owner}/{repo}/issues", func(s *Server, r *request) (int, any, *httpError) {
		q := r.URL.Query()
		state := q.Get("state")
		if state == "" {
			state = "open"
		}
		var want []string
		if l := q.Get("labels"); l != "" {
			want = strings.Split(l, ",")
		}
		var out []*github.Issue
		for i := len(r.repo.issues) - 1; i >= 0; i-- {
			is := r.repo.issues[i]
			if state != "all" && is.state != state {
				continue
			}
			ok := true
			for _, l := range want {
				ok = ok && slices.Contains(is.labels, l)
			}
			if ok {
				out = append(out, s.issueJSON(r, is))
			}
		}
		return 200, page(r, out), nil
	})
	handle("POST", "/repos/{owner}/{repo}/issues", func(s *Server, r *request) (int, any, *httpError) {
		var in github.IssueRequest
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if in.GetTitle() == "" {
			return 0, nil, validation("Issue", "title", "missing_field", "")
		}
		if e := bodyTooLong("Issue", in.Body); e != nil {
			return 0, nil, e
		}
		is := s.newIssue(r, in.GetTitle(), in.GetBody())
		if in.Labels != nil {
			addLabels(r.repo, is, *in.Labels)
		}
		return http.StatusCreated, s.issueJSON(r, is), nil
	})
	handle("GET", "/repos/{owner}/{repo}/issues/{number}", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, false)
		if e != nil {
			return 0, nil, e
		}
		return 200, s.issueJSON(r, is), nil
	})
	handle("PATCH", "/repos/{owner}/{repo}/issues/{number}", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, false)
		if e != nil {
			return 0, nil, e
		}
		var in github.IssueRequest
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if e := bodyTooLong("Issue", in.Body); e != nil {
			return 0, nil, e
		}
		if in.Title != nil {
			is.title = *in.Title
		}
		if in.Body != nil {
			is.body = *in.Body
		}
		if in.State != nil {
			if is.pr != nil && *in.State == "open" && is.pr.merged {
				return 0, nil, validation("Issue", "state", "invalid", "")
			}
			is.state = *in.State
		}
		if in.Labels != nil {
			is.labels = nil
			addLabels(r.repo, is, *in.Labels)
		}
		is.updated = s.Clock.Now()
		return 200, s.issueJSON(r, is), nil
	})
	handle("POST", "/repos/{owner}/{repo}/issues/{number}/labels", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, false)
		if e != nil {
			return 0, nil, e
		}
		var labels []string
		if e := r.decode(&labels); e != nil {
			var in struct{ Labels []string }
			if e2 := r.decode(&in); e2 != nil {
				return 0, nil, e
			}
			labels = in.Labels
		}
		addLabels(r.repo, is, labels)
		out := []*github.Label{}
		for _, l := range is.labels {
			out = append(out, &github.Label{Name: github.String(l)})
		}
		return 200, out, nil
	})
	handle("GET", "/repos/{owner}/{repo}/issues/{number}/comments", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, false)
		if e != nil {
			return 0, nil, e
		}
		out := []*github.IssueComment{}
		for _, c := range is.comments {
			out = append(out, &github.IssueComment{ID: github.Int64(c.id), Body: github.String(c.body), User: &github.User{Login: github.String(c.user)},
				CreatedAt: &github.Timestamp{Time: c.createdAt}})
		}
		return 200, page(r, out), nil
	})
	handle("POST", "/repos/{owner}/{repo}/issues/{number}/comments", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, false)
		if e != nil {
			return 0, nil, e
		}
		var in struct{ Body string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if in.Body == "" {
			return 0, nil, validation("IssueComment", "body", "missing_field", "")
		}
		if e := bodyTooLong("IssueComment", &in.Body); e != nil {
			return 0, nil, e
		}
		c := comment{id: nextID(), user: r.user, body: in.Body, createdAt: s.Clock.Now()}
		is.comments = append(is.comments, c)
		return http.StatusCreated, &github.IssueComment{ID: github.Int64(c.id), Body: github.String(c.body), User: &github.User{Login: github.String(c.user)}}, nil
	})

	// Checks: commit statuses, also shown as check runs.
	handle("GET", "/repos/{owner}/{repo}/commits/{ref}/status", func(s *Server, r *request) (int, any, *httpError) {
		sha := r.repo.resolve(r.params["ref"])
		if sha == "" {
			return 0, nil, validation("Commit", "ref", "invalid", "No commit found for SHA: "+r.params["ref"])
		}
		out := &github.CombinedStatus{SHA: github.String(sha), State: github.String("pending"), TotalCount: github.Int(len(r.repo.statuses[sha]))}
		state := "success"
		for _, st := range r.repo.statuses[sha] {
			out.Statuses = append(out.Statuses, &github.RepoStatus{Context: github.String(st.Context), State: github.String(st.State)})
			switch {
			case st.State == "failure" || st.State == "error":
				state = "failure"
			case st.State == "pending" && state == "success":
				state = "pending"
			}
		}
		if len(out.Statuses) > 0 {
			out.State = github.String(state)
		}
		return 200, out, nil
	})
	handle("GET", "/repos/{owner}/{repo}/commits/{ref}/check-runs", func(s *Server, r *request) (int, any, *httpError) {
		sha := r.repo.resolve(r.params["ref"])
		if sha == "" {
			return 0, nil, validation("Commit", "ref", "invalid", "No commit found for SHA: "+r.params["ref"])
		}
		runs := []*github.CheckRun{}
		for _, cr := range r.repo.checkRuns[sha] {
			run := &github.CheckRun{ID: github.Int64(cr.id), Name: github.String(cr.name), HeadSHA: github.String(sha), Status: github.String(cr.status)}
			if cr.conclusion != "" {
				run.Conclusion = github.String(cr.conclusion)
			}
			runs = append(runs, run)
		}
		all := len(runs)
		return 200, &github.ListCheckRunsResults{Total: github.Int(all), CheckRuns: page(r, runs)}, nil
	})
}
