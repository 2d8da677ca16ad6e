package ghfake

import (
	"bytes"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/aymanbagabas/go-udiff/lcs"
	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/fix"
)

// Pull request diffs, review comments and reviews with comments, as strict
// as GitHub where a review bot can go wrong:
//
//   - A pull request's diff is the change from the merge base of its base
//     branch and its head to the head, in hunks with three lines of context
//     (GitHub's, as git and GNU diff -u lay them out: fix.Diff); GET
//     .../pulls/{n}/files lists it per file with the patch. The lines a
//     comment may sit on are computed from the line matching itself, not
//     read back from the patch.
//   - A review comment may only sit on a line of that diff: a line inside a
//     hunk, on the side it names (RIGHT: the head's line numbers). A review
//     whose comments include one that does not is refused whole (422
//     "Pull request review thread line must be part of the diff"), as is a
//     multi-line comment whose start_line is not in the same hunk as its
//     line; nothing of the review is kept.
//   - A comment made on an earlier commit of the pull request keeps its line
//     while the lines it covers read the same at the head and are still in
//     the diff; otherwise it is outdated: its line is null (the API's
//     original_line still says where it was).
//   - Only its author edits or deletes a comment; a read-only token (a fork's
//     workflow token) writes nothing: 403 "Resource not accessible by
//     integration".

type reviewComment struct {
	id, reviewID, inReplyTo int64
	user                    string
	path                    string
	line, startLine         int // at commitID
	side, startSide         string
	commitID                string
	body                    string
	created, updated        time.Time
}

// fileDiff is one file of a pull request's diff.
type fileDiff struct {
	path, status         string // added, removed, modified
	sha                  string // the blob at the head ("" when removed)
	additions, deletions int
	patch                string
	right, left          map[int]int // commentable line -> hunk index
	lines                []string    // the head's lines
}

// diffContext is the number of lines of context around a change in
// GitHub's pull request diffs.
const diffContext = 3

// mergeBase is the nearest common ancestor of a and b ("" when none).
func (o *objects) mergeBase(a, b string) string {
	ofA := map[string]bool{}
	stack := []string{a}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if ofA[c] {
			continue
		}
		ofA[c] = true
		if cm := o.commits[c]; cm != nil {
			stack = append(stack, cm.Parents...)
		}
	}
	seen := map[string]bool{}
	queue := []string{b}
	for len(queue) > 0 {
		c := queue[0]
		queue = queue[1:]
		if ofA[c] {
			return c
		}
		if seen[c] {
			continue
		}
		seen[c] = true
		if cm := o.commits[c]; cm != nil {
			queue = append(queue, cm.Parents...)
		}
	}
	return ""
}

// diff is the change from commit base to commit head, by path.
func (o *objects) diff(base, head string) []*fileDiff {
	var oldFiles map[string]file
	if c := o.commits[base]; c != nil {
		oldFiles = o.flatten(c.Tree)
	}
	newFiles := o.flatten(o.commits[head].Tree)
	var paths []string
	for p, f := range newFiles {
		if oldFiles[p] != f {
			paths = append(paths, p)
		}
	}
	for p := range oldFiles {
		if _, ok := newFiles[p]; !ok {
			paths = append(paths, p)
		}
	}
	slices.Sort(paths)
	var out []*fileDiff
	for _, p := range paths {
		oldF, inOld := oldFiles[p]
		newF, inNew := newFiles[p]
		d := &fileDiff{path: p, status: "modified", sha: newF.SHA, right: map[int]int{}, left: map[int]int{}}
		switch {
		case !inOld:
			d.status = "added"
		case !inNew:
			d.status = "removed"
		}
		oldText, newText := o.blobs[oldF.SHA], o.blobs[newF.SHA]
		d.lines = strings.SplitAfter(string(newText), "\n")
		if patch := fix.Diff(p, oldText, newText); patch != "" {
			d.patch = strings.TrimSuffix(patch[strings.Index(patch, "@@"):], "\n")
		}
		a, b := splitAfter(oldText), splitAfter(newText)
		changes := lcs.DiffLines(a, b)
		delta := 0 // new index - old index before the current change
		for i, hi := 0, 0; i < len(changes); hi++ {
			j := i + 1
			for j < len(changes) && changes[j].Start-changes[j-1].End <= 2*diffContext {
				j++
			}
			at := max(0, changes[i].Start-diffContext)
			bt := at + delta
			equal := func(to int) {
				for ; at < to; at, bt = at+1, bt+1 {
					d.left[at+1], d.right[bt+1] = hi, hi
				}
			}
			for _, c := range changes[i:j] {
				equal(c.Start)
				for ; at < c.End; at++ {
					d.left[at+1] = hi
					d.deletions++
				}
				for k := c.ReplStart; k < c.ReplEnd; k, bt = k+1, bt+1 {
					d.right[bt+1] = hi
					d.additions++
				}
				delta += (c.ReplEnd - c.ReplStart) - (c.End - c.Start)
			}
			equal(min(len(a), changes[j-1].End+diffContext))
			i = j
		}
		out = append(out, d)
	}
	return out
}

// prDiff is the pull request's diff at commit (its head when "").
func (r *Repo) prDiff(is *issue, commit string) []*fileDiff {
	if commit == "" {
		commit = r.prHeadSHA(is)
	}
	base := r.obj.mergeBase(r.refs["refs/heads/"+is.pr.base], commit)
	return r.obj.diff(base, commit)
}

func findDiff(ds []*fileDiff, path string) *fileDiff {
	for _, d := range ds {
		if d.path == path {
			return d
		}
	}
	return nil
}

// currentLine is where comment c shows at the pull request's head: its
// line while the lines it covers read the same and are in the diff, else 0
// (outdated).
func (r *Repo) currentLine(is *issue, c *reviewComment) int {
	head := r.prHeadSHA(is)
	if c.commitID == head {
		return c.line
	}
	d := findDiff(r.prDiff(is, head), c.path)
	if d == nil || c.side == "LEFT" {
		return 0
	}
	old := r.obj.fileAt(c.commitID, c.path)
	start := c.startLine
	if start == 0 {
		start = c.line
	}
	hunk, ok := d.right[c.line]
	if !ok || d.right[start] != hunk {
		return 0
	}
	for n := start; n <= c.line; n++ {
		if n > len(old) || n > len(d.lines) || old[n-1] != d.lines[n-1] {
			return 0
		}
	}
	return c.line
}

// fileAt is the lines of path at commit (nil when absent).
func (o *objects) fileAt(commit, path string) []string {
	c := o.commits[commit]
	if c == nil {
		return nil
	}
	f, ok := o.flatten(c.Tree)[path]
	if !ok {
		return nil
	}
	return strings.SplitAfter(string(o.blobs[f.SHA]), "\n")
}

func reviewJSON(rv *review) *github.PullRequestReview {
	return &github.PullRequestReview{ID: github.Int64(rv.id), User: &github.User{Login: github.String(rv.user)},
		State: github.String(rv.state), Body: github.String(rv.body), CommitID: github.String(rv.commitID),
		SubmittedAt: &github.Timestamp{Time: rv.at}}
}

func (s *Server) commentJSON(r *request, is *issue, c *reviewComment) *github.PullRequestComment {
	out := &github.PullRequestComment{
		ID: github.Int64(c.id), PullRequestReviewID: github.Int64(c.reviewID), Path: github.String(c.path),
		Body: github.String(c.body), User: &github.User{Login: github.String(c.user)},
		CommitID: github.String(r.repo.prHeadSHA(is)), OriginalCommitID: github.String(c.commitID),
		OriginalLine: github.Int(c.line), Side: github.String(c.side),
		CreatedAt: &github.Timestamp{Time: c.created}, UpdatedAt: &github.Timestamp{Time: c.updated},
		HTMLURL: github.String(fmt.Sprintf("%s/%s/%s/pull/%d#discussion_r%d", s.Server.URL, r.repo.Owner, r.repo.Name, is.number, c.id)),
	}
	if c.startLine > 0 {
		out.OriginalStartLine, out.StartSide = github.Int(c.startLine), github.String(c.startSide)
	}
	if c.inReplyTo != 0 {
		out.InReplyTo = github.Int64(c.inReplyTo)
	}
	if line := r.repo.currentLine(is, c); line > 0 {
		out.Line = github.Int(line)
		if c.startLine > 0 {
			out.StartLine = github.Int(c.startLine)
		}
	}
	return out
}

// readOnly answers a write made with a read-only token.
func (s *Server) readOnly(r *request) *httpError {
	if slices.Contains(s.opts.ReadOnlyTokens, r.cred) {
		return errf(http.StatusForbidden, "Resource not accessible by integration")
	}
	return nil
}

// unprocessable is the 422 of the reviews endpoint, whose errors are
// plain strings.
func unprocessable(msgs ...string) *httpError {
	e := errf(http.StatusUnprocessableEntity, "Unprocessable Entity")
	for _, m := range msgs {
		e.body.Errors = append(e.body.Errors, m)
	}
	return e
}

func (s *Server) findComment(r *request) (*issue, int, *httpError) {
	id, err := strconv.ParseInt(r.params["id"], 10, 64)
	if err != nil {
		return nil, 0, errf(http.StatusNotFound, "Not Found")
	}
	for _, is := range r.repo.issues {
		if is.pr == nil {
			continue
		}
		for i, c := range is.pr.comments {
			if c.id == id {
				return is, i, nil
			}
		}
	}
	return nil, 0, errf(http.StatusNotFound, "Not Found")
}

func init() {
	handle("GET", "/repos/{owner}/{repo}/pulls/{number}/files", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		out := []*github.CommitFile{}
		for _, d := range r.repo.prDiff(is, "") {
			f := &github.CommitFile{Filename: github.String(d.path), Status: github.String(d.status),
				Additions: github.Int(d.additions), Deletions: github.Int(d.deletions), Changes: github.Int(d.additions + d.deletions)}
			if d.sha != "" {
				f.SHA = github.String(d.sha)
			}
			if d.patch != "" {
				f.Patch = github.String(d.patch)
			}
			out = append(out, f)
		}
		if len(out) > 3000 {
			out = out[:3000] // GitHub lists at most 3,000 files
		}
		return 200, page(r, out), nil
	})
	handle("GET", "/repos/{owner}/{repo}/pulls/{number}/comments", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		out := []*github.PullRequestComment{}
		for _, c := range is.pr.comments {
			out = append(out, s.commentJSON(r, is, c))
		}
		return 200, page(r, out), nil
	})
	handle("POST", "/repos/{owner}/{repo}/pulls/{number}/reviews", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		if e := s.readOnly(r); e != nil {
			return 0, nil, e
		}
		var in struct {
			CommitID string `json:"commit_id"`
			Body     *string
			Event    string
			Comments []struct {
				Path      string
				Line      int
				Side      string
				StartLine int    `json:"start_line"`
				StartSide string `json:"start_side"`
				Position  int
				Body      string
			}
		}
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		head := r.repo.prHeadSHA(is)
		if in.CommitID == "" {
			in.CommitID = head
		}
		state := map[string]string{"COMMENT": "COMMENTED", "APPROVE": "APPROVED", "REQUEST_CHANGES": "CHANGES_REQUESTED", "": "PENDING"}[in.Event]
		switch {
		case state == "":
			return 0, nil, unprocessable("Event is not included in the list")
		case r.repo.obj.commits[in.CommitID] == nil || !r.repo.obj.isAncestor(in.CommitID, head):
			return 0, nil, unprocessable("Commit is not part of the pull request")
		case (in.Event == "REQUEST_CHANGES" || in.Event == "COMMENT") && deref(in.Body) == "" && len(in.Comments) == 0:
			return 0, nil, unprocessable("Body is required for this event")
		case is.user == r.user && in.Event != "COMMENT" && in.Event != "":
			return 0, nil, unprocessable("Can not " + strings.ToLower(strings.ReplaceAll(in.Event, "_", " ")) + " your own pull request")
		}
		if e := bodyTooLong("PullRequestReview", in.Body); e != nil {
			return 0, nil, e
		}
		diff := r.repo.prDiff(is, in.CommitID)
		var errs []string
		for _, c := range in.Comments {
			if e := bodyTooLong("PullRequestReviewComment", &c.Body); e != nil {
				return 0, nil, e
			}
			if c.Position > 0 {
				errs = append(errs, "Position is not supported by this fake: use line and side")
				continue
			}
			d := findDiff(diff, c.Path)
			lines := map[string]map[int]int{"RIGHT": nil, "LEFT": nil, "": nil}
			if d != nil {
				lines["RIGHT"], lines["LEFT"], lines[""] = d.right, d.left, d.right
			}
			hunk, ok := lines[c.Side][c.Line]
			if d == nil || !ok || c.Line <= 0 {
				errs = append(errs, "Pull request review thread line must be part of the diff")
				continue
			}
			if c.StartLine != 0 {
				side := c.StartSide
				if side == "" {
					side = c.Side
				}
				if sh, ok := lines[side][c.StartLine]; !ok || sh != hunk || c.StartLine >= c.Line {
					errs = append(errs, "Pull request review thread start line must be part of the same hunk as the line.")
				}
			}
		}
		if len(errs) > 0 {
			return 0, nil, unprocessable(errs...)
		}
		now := s.Clock.Now()
		rv := &review{id: nextID(), user: r.user, state: state, body: deref(in.Body), commitID: in.CommitID, at: now}
		is.pr.reviews = append(is.pr.reviews, rv)
		for _, c := range in.Comments {
			side := c.Side
			if side == "" {
				side = "RIGHT"
			}
			rc := &reviewComment{id: nextID(), reviewID: rv.id, user: r.user, path: c.Path, line: c.Line, side: side,
				startLine: c.StartLine, commitID: in.CommitID, body: c.Body, created: now, updated: now}
			if c.StartLine != 0 {
				rc.startSide = cmpOr(c.StartSide, side)
			}
			is.pr.comments = append(is.pr.comments, rc)
		}
		is.updated = now
		return 200, reviewJSON(rv), nil
	})
	handle("PUT", "/repos/{owner}/{repo}/pulls/{number}/reviews/{id}", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		if e := s.readOnly(r); e != nil {
			return 0, nil, e
		}
		id, _ := strconv.ParseInt(r.params["id"], 10, 64)
		var in struct{ Body *string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if in.Body == nil {
			return 0, nil, validation("PullRequestReview", "body", "missing_field", "")
		}
		if e := bodyTooLong("PullRequestReview", in.Body); e != nil {
			return 0, nil, e
		}
		for _, rv := range is.pr.reviews {
			if rv.id == id {
				if rv.user != r.user {
					return 0, nil, errf(http.StatusForbidden, "You can only edit your own review")
				}
				rv.body = *in.Body
				return 200, reviewJSON(rv), nil
			}
		}
		return 0, nil, errf(http.StatusNotFound, "Not Found")
	})
	handle("PATCH", "/repos/{owner}/{repo}/pulls/comments/{id}", func(s *Server, r *request) (int, any, *httpError) {
		is, i, e := s.findComment(r)
		if e != nil {
			return 0, nil, e
		}
		if e := s.readOnly(r); e != nil {
			return 0, nil, e
		}
		var in struct{ Body string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		c := is.pr.comments[i]
		switch {
		case in.Body == "":
			return 0, nil, validation("PullRequestReviewComment", "body", "missing_field", "")
		case c.user != r.user:
			return 0, nil, errf(http.StatusForbidden, "Must have admin rights to Repository.")
		}
		if e := bodyTooLong("PullRequestReviewComment", &in.Body); e != nil {
			return 0, nil, e
		}
		c.body, c.updated = in.Body, s.Clock.Now()
		return 200, s.commentJSON(r, is, c), nil
	})
	handle("DELETE", "/repos/{owner}/{repo}/pulls/comments/{id}", func(s *Server, r *request) (int, any, *httpError) {
		is, i, e := s.findComment(r)
		if e != nil {
			return 0, nil, e
		}
		if e := s.readOnly(r); e != nil {
			return 0, nil, e
		}
		if is.pr.comments[i].user != r.user {
			return 0, nil, errf(http.StatusForbidden, "Must have admin rights to Repository.")
		}
		is.pr.comments = slices.Delete(is.pr.comments, i, i+1)
		return http.StatusNoContent, nil, nil
	})
	handle("POST", "/repos/{owner}/{repo}/pulls/{number}/comments/{id}/replies", func(s *Server, r *request) (int, any, *httpError) {
		is, e := s.findIssue(r, true)
		if e != nil {
			return 0, nil, e
		}
		if e := s.readOnly(r); e != nil {
			return 0, nil, e
		}
		var in struct{ Body string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if in.Body == "" {
			return 0, nil, validation("PullRequestReviewComment", "body", "missing_field", "")
		}
		id, _ := strconv.ParseInt(r.params["id"], 10, 64)
		for _, c := range is.pr.comments {
			if c.id == id {
				rc := s.reply(is, c, r.user, in.Body)
				return http.StatusCreated, s.commentJSON(r, is, rc), nil
			}
		}
		return 0, nil, errf(http.StatusNotFound, "Not Found")
	})
}

func (s *Server) reply(is *issue, to *reviewComment, user, body string) *reviewComment {
	now := s.Clock.Now()
	root := to.id
	if to.inReplyTo != 0 {
		root = to.inReplyTo // replies go to the thread's first comment
	}
	rc := &reviewComment{id: nextID(), user: user, path: to.path, line: to.line, startLine: to.startLine, side: to.side,
		startSide: to.startSide, commitID: to.commitID, body: body, inReplyTo: root, created: now, updated: now}
	is.pr.comments = append(is.pr.comments, rc)
	return rc
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// ReviewComment is a snapshot of a review comment for tests.
type ReviewComment struct {
	ID, ReviewID, InReplyTo int64
	User, Path              string
	// Line and StartLine are where the comment shows at the head (0:
	// outdated, or not a multi-line comment); OriginalLine where it was
	// made, on Commit.
	Line, StartLine, OriginalLine int
	Commit                        string
	Body                          string
}

// ReviewComments lists a pull request's review comments in the order they
// were made.
func (s *Server) ReviewComments(owner, name string, number int) []ReviewComment {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	is := r.issues[number-1]
	var out []ReviewComment
	for _, c := range is.pr.comments {
		rc := ReviewComment{ID: c.id, ReviewID: c.reviewID, InReplyTo: c.inReplyTo, User: c.user, Path: c.path,
			OriginalLine: c.line, Commit: c.commitID, Body: c.body}
		if rc.Line = r.currentLine(is, c); rc.Line > 0 {
			rc.StartLine = c.startLine
		}
		out = append(out, rc)
	}
	return out
}

// Review is a snapshot of a pull request review for tests.
type Review struct {
	ID                int64
	User, State, Body string
	Commit            string
	Comments          int // review comments made with it
}

// Reviews lists a pull request's reviews in the order they were made.
func (s *Server) Reviews(owner, name string, number int) []Review {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.repos[owner+"/"+name].issues[number-1]
	var out []Review
	for _, rv := range is.pr.reviews {
		n := 0
		for _, c := range is.pr.comments {
			if c.reviewID == rv.id {
				n++
			}
		}
		out = append(out, Review{ID: rv.id, User: rv.user, State: rv.state, Body: rv.body, Commit: rv.commitID, Comments: n})
	}
	return out
}

// Reply answers a review comment as a person would.
func (s *Server) Reply(owner, name string, number int, commentID int64, user, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.repos[owner+"/"+name].issues[number-1]
	for _, c := range is.pr.comments {
		if c.id == commentID {
			s.reply(is, c, user, body)
			return
		}
	}
	panic(fmt.Sprintf("ghfake: no review comment %d", commentID))
}

// OpenPR opens a pull request from branch head onto base as user, as a
// person would, and returns its number.
func (s *Server) OpenPR(owner, name, head, base, title, user string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	now := s.Clock.Now()
	is := &issue{number: len(r.issues) + 1, title: title, state: "open", user: user, created: now, updated: now,
		pr: &pull{head: head, base: base}}
	r.issues = append(r.issues, is)
	return is.number
}

// splitAfter splits s after each "\n"; a last line without one is kept.
func splitAfter(s []byte) []string {
	var out []string
	for l := range bytes.Lines(s) {
		out = append(out, string(l))
	}
	return out
}
