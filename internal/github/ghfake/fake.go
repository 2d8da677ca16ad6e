// Package ghfake is an in-process fake of the GitHub REST API for tests:
// an httptest server, stateful (repositories with real git objects, refs,
// archive links, pull requests, issues, labels, comments, reviews, checks,
// users), as strict as GitHub where a client can go wrong, with fault
// injection, a request log and an injectable clock.
//
// Strictness follows GitHub's answers: creating a ref that exists is 422
// "Reference already exists"; a non-fast-forward update without force is 422
// "Update is not a fast forward"; a second open pull request for a head is
// 422 "A pull request already exists for owner:branch."; a pull request whose
// head has no commits over its base is 422 "No commits between base and
// head"; a body over 65,536 characters is 422 "body is too long"; git
// endpoints of an empty repository are 409 "Git Repository is empty.";
// unknown routes are 404; a tree created with base_tree keeps every path it
// does not list and deletes one listed with neither sha nor content, one
// created without base_tree holds only what it lists.
//
// Faults (Fault) are matched per route ("POST /repos/{owner}/{repo}/pulls")
// and request count: rate limits (primary 403 with remaining 0 and a reset
// time; secondary 403 and 429 with or without retry-after), 502/503,
// timeouts, dropped connections, each either before the request is applied
// or after it (the response is lost: the client cannot tell whether the
// write happened).
//
// The server answers at its root (as api.github.com) and under /api/v3 (as
// GitHub Enterprise), so a client built with an enterprise base URL works
// unchanged.
package ghfake

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clock is the fake's time, shared with the client under test so that
// waiting for a rate limit to reset takes no real time.
type Clock struct {
	mu    sync.Mutex
	now   time.Time
	slept time.Duration
}

// NewClock starts at t.
func NewClock(t time.Time) *Clock { return &Clock{now: t} }

// Now is the fake time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep advances the fake time by d at once (unless ctx is done).
func (c *Clock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.Advance(d)
	c.mu.Lock()
	c.slept += max(d, 0)
	c.mu.Unlock()
	return nil
}

// Advance moves the time forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if d > 0 {
		c.now = c.now.Add(d)
	}
}

// Slept is the total time clients slept through Sleep.
func (c *Clock) Slept() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.slept
}

// FaultKind is what an injected fault does.
type FaultKind string

const (
	PrimaryLimit FaultKind = "primary-limit" // 403, x-ratelimit-remaining 0, reset in a minute
	Secondary403 FaultKind = "secondary-403" // 403 "You have exceeded a secondary rate limit"
	Secondary429 FaultKind = "secondary-429" // 429, same message
	BadGateway   FaultKind = "502"
	Unavailable  FaultKind = "503"
	Timeout      FaultKind = "timeout" // no answer until the client gives up
	Drop         FaultKind = "drop"    // the connection is closed without an answer
)

// Fault is one injected failure.
type Fault struct {
	// Route is a route template ("POST /repos/{owner}/{repo}/pulls"), or ""
	// for every request.
	Route string
	// Nth: the fault hits the Nth matching request counted from when it was
	// added (1 = the next one); 0 also means the next one.
	Nth int
	// Times is how many consecutive matching requests it hits (default 1).
	Times int
	Kind  FaultKind
	// After applies the request before failing: the state changes and the
	// answer is lost.
	After bool
	// RetryAfter, for the secondary limits, sets the retry-after header
	// (0: no header).
	RetryAfter time.Duration

	seen, hit int
}

// LogEntry is one request the fake received.
type LogEntry struct {
	Method, Path, Query string
	Route               string // the matched route template, "" when none
	Status              int    // 0 when the connection was dropped or timed out
	Fault               FaultKind
	Auth                string // the credential presented (for tests of leaks)
	At                  time.Time
}

// Write reports whether the request was a mutating one. Minting an App
// installation token is a POST that changes nothing in a repository: it is
// not one.
func (e LogEntry) Write() bool {
	return e.Method != http.MethodGet && e.Method != http.MethodHead && e.Route != TokenRoute
}

// TokenRoute is the route that trades an App's JWT for an installation
// token.
const TokenRoute = "POST /app/installations/{id}/access_tokens"

// Options configure a fake.
type Options struct {
	// Tokens maps accepted credentials to user logins. Empty: every request
	// is accepted as user "octocat"; with tokens, a request without
	// credentials may only read public repositories.
	Tokens map[string]string
	// Clock: default a fake clock at 2025-01-06 09:00 UTC.
	Clock *Clock
	// RateLimit is the primary limit per hour (default 5000).
	RateLimit int
	// Hook, when set, is called with each request's method and path (as
	// logged) before the fake handles it, outside its lock: a test can act
	// as a person at a chosen moment of a run (push to a branch between the
	// bot's reads and its writes).
	Hook func(method, path string)
	// EchoAuthInErrors makes error messages quote the request's
	// Authorization header, as a misbehaving proxy might: tests use it to
	// show that a client redacts what a server sends back.
	EchoAuthInErrors bool
	// ReadOnlyTokens are credentials that may read but not write (an
	// Actions token on a pull request from a fork): a write answers 403
	// "Resource not accessible by integration" (the routes of review
	// comments and reviews check it).
	ReadOnlyTokens []string
}

// Server is a fake GitHub.
type Server struct {
	*httptest.Server
	Clock *Clock

	mu         sync.Mutex
	opts       Options
	repos      map[string]*Repo // by "owner/name"
	faults     []*Fault
	log        []LogEntry
	remaining  map[string]int
	resetAt    time.Time
	tokenSeq   int
	archives   map[string]string // archive token -> "owner/repo@sha"
	respHeader http.Header       // the last handler's extra headers (s.mu held)
	apps       map[int64]*App
	instTokens map[string]installToken
}

// Repo is a fake repository's state.
type Repo struct {
	Owner, Name   string
	DefaultBranch string
	Private       bool
	Archived      bool
	Fork          bool
	refs          map[string]string // "refs/heads/main" -> sha
	obj           *objects
	issues        []*issue // issues and pull requests, by number - 1
	labels        map[string]bool
	statuses      map[string][]checkState // by commit sha
	checkRuns     map[string][]checkRun   // by commit sha, the latest run of each name
}

type checkState struct{ Context, State string }

type checkRun struct {
	id                       int64
	name, status, conclusion string
}

// New starts a fake GitHub; close it with Close.
func New(opts Options) *Server {
	if opts.Clock == nil {
		opts.Clock = NewClock(time.Date(2025, 1, 6, 9, 0, 0, 0, time.UTC))
	}
	if opts.RateLimit == 0 {
		opts.RateLimit = 5000
	}
	s := &Server{Clock: opts.Clock, opts: opts, repos: map[string]*Repo{}, remaining: map[string]int{}, archives: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL of the API root as an enterprise client expects it ("/api/v3/").
func (s *Server) APIURL() string { return s.Server.URL + "/api/v3/" }

// AddRepo creates a repository whose default branch holds files (path →
// content) in one commit; with no files the repository is empty (no
// commits, as a new repository on GitHub).
func (s *Server) AddRepo(owner, name string, files map[string]string) *Repo {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := &Repo{Owner: owner, Name: name, DefaultBranch: "main", refs: map[string]string{}, obj: newObjects(),
		labels: map[string]bool{}, statuses: map[string][]checkState{}, checkRuns: map[string][]checkRun{}}
	s.repos[owner+"/"+name] = r
	if len(files) > 0 {
		s.commitLocked(r, "main", files, nil, Person{Name: "Platform Team", Email: "platform@example.com"}, "Initial commit")
	}
	return r
}

// ReadDir returns the regular files below dir as path → content, for
// AddRepo.
func ReadDir(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	return out, err
}

// Commit adds a commit to branch (created from the default branch when
// missing) that writes files and deletes the paths in del, authored by
// who: a person pushing. It returns the commit's SHA.
func (s *Server) Commit(owner, name, branch string, files map[string]string, del []string, who Person, msg string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	return s.commitLocked(r, branch, files, del, who, msg)
}

func (s *Server) commitLocked(r *Repo, branch string, files map[string]string, del []string, who Person, msg string) string {
	parent := r.refs["refs/heads/"+branch]
	if parent == "" {
		parent = r.refs["refs/heads/"+r.DefaultBranch]
	}
	flat := map[string]file{}
	var parents []string
	if parent != "" {
		flat = r.obj.flatten(r.obj.commits[parent].Tree)
		parents = []string{parent}
	}
	for p, c := range files {
		flat[p] = file{"100644", r.obj.putBlob([]byte(c))}
	}
	for _, p := range del {
		delete(flat, p)
	}
	who.Date = s.Clock.Now()
	sha := r.obj.putCommit(&Commit{Tree: r.obj.build(flat), Parents: parents, Author: who, Committer: who, Message: msg})
	r.refs["refs/heads/"+branch] = sha
	return sha
}

// Files returns the files of a ref ("main", "xylint/c/svc", or a SHA), nil
// when it does not exist.
func (s *Server) Files(owner, name, ref string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	sha := r.resolve(ref)
	c := r.obj.commits[sha]
	if c == nil {
		return nil
	}
	out := map[string]string{}
	for p, f := range r.obj.flatten(c.Tree) {
		out[p] = string(r.obj.blobs[f.SHA])
	}
	return out
}

// GetCommit returns a stored commit.
func (s *Server) GetCommit(owner, name, sha string) *Commit {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.repos[owner+"/"+name].obj.commits[sha]
	if c == nil {
		return nil
	}
	cc := *c
	return &cc
}

// Ref returns a ref's SHA ("heads/main"), or "".
func (s *Server) Ref(owner, name, ref string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.repos[owner+"/"+name].refs["refs/"+ref]
}

// Refs lists the refs under prefix ("heads/xylint/"), sorted.
func (s *Server) Refs(owner, name, prefix string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for ref := range s.repos[owner+"/"+name].refs {
		if strings.HasPrefix(ref, "refs/"+prefix) {
			out = append(out, strings.TrimPrefix(ref, "refs/"))
		}
	}
	sort.Strings(out)
	return out
}

func (r *Repo) resolve(ref string) string {
	for _, name := range []string{ref, "refs/" + ref, "refs/heads/" + ref, "refs/tags/" + ref} {
		if sha, ok := r.refs[name]; ok {
			return sha
		}
	}
	if _, ok := r.obj.commits[ref]; ok {
		return ref
	}
	return ""
}

// PR is a snapshot of a pull request for tests.
type PR struct {
	Number           int
	Title, Body      string
	State            string // open, closed
	Merged, Draft    bool
	Head, Base       string
	HeadSHA          string
	Labels           []string
	Reviewers, Teams []string
	Comments         []string
	User             string
}

// PRs lists the repository's pull requests by number.
func (s *Server) PRs(owner, name string) []PR {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	var out []PR
	for _, is := range r.issues {
		if is.pr == nil {
			continue
		}
		p := PR{Number: is.number, Title: is.title, Body: is.body, State: is.state, Merged: is.pr.merged, Draft: is.pr.draft,
			Head: is.pr.head, Base: is.pr.base, HeadSHA: r.prHeadSHA(is), Labels: slices.Clone(is.labels),
			Reviewers: slices.Clone(is.pr.reviewers), Teams: slices.Clone(is.pr.teams), User: is.user}
		for _, c := range is.comments {
			p.Comments = append(p.Comments, c.body)
		}
		out = append(out, p)
	}
	return out
}

// Issue is a snapshot of an issue (not a pull request) for tests.
type Issue struct {
	Number      int
	Title, Body string
	State       string
	Labels      []string
}

// Issues lists the repository's issues that are not pull requests.
func (s *Server) Issues(owner, name string) []Issue {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Issue
	for _, is := range s.repos[owner+"/"+name].issues {
		if is.pr == nil {
			out = append(out, Issue{is.number, is.title, is.body, is.state, slices.Clone(is.labels)})
		}
	}
	return out
}

// ClosePR closes a pull request as a person would (merged or not).
func (s *Server) ClosePR(owner, name string, number int, merge bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	is := r.issues[number-1]
	if merge {
		s.mergeLocked(r, is)
		return
	}
	is.pr.headSHA = r.refs["refs/heads/"+is.pr.head]
	is.state = "closed"
}

// SetStatus records a commit status (a check) for sha.
func (s *Server) SetStatus(owner, name, sha, context, state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	r.statuses[sha] = append(r.statuses[sha], checkState{context, state})
}

// SetCheckRun records a check run (the Checks API, as GitHub Actions
// reports) for sha: status queued, in_progress or completed, with a
// conclusion (success, failure, neutral, cancelled, skipped, timed_out,
// action_required) when completed. A run of the same name replaces the
// earlier one, as the API's default filter=latest shows it.
func (s *Server) SetCheckRun(owner, name, sha, check, status, conclusion string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	runs := r.checkRuns[sha]
	for i, cr := range runs {
		if cr.name == check {
			runs = append(runs[:i], runs[i+1:]...)
			break
		}
	}
	r.checkRuns[sha] = append(runs, checkRun{id: nextID(), name: check, status: status, conclusion: conclusion})
}

// SetLabels replaces a pull request's or issue's labels, as a person
// editing them would.
func (s *Server) SetLabels(owner, name string, number int, labels []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repos[owner+"/"+name].issues[number-1].labels = slices.Clone(labels)
}

// DeleteBranch deletes a branch as a person would (an open pull request
// whose head it is gets closed, as on GitHub).
func (s *Server) DeleteBranch(owner, name, branch string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.deleteBranchLocked(s.repos[owner+"/"+name], branch)
}

func (s *Server) deleteBranchLocked(r *Repo, branch string) {
	head := r.refs["refs/heads/"+branch]
	delete(r.refs, "refs/heads/"+branch)
	for _, is := range r.issues {
		if is.pr != nil && is.state == "open" && is.pr.head == branch {
			is.pr.headSHA = head
			is.state, is.closed = "closed", s.Clock.Now()
		}
	}
}

// SetDraft marks a pull request as a draft or ready for review, as a
// person would.
func (s *Server) SetDraft(owner, name string, number int, draft bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repos[owner+"/"+name].issues[number-1].pr.draft = draft
}

// SetDefaultBranch renames the default branch (refs/heads/main to
// refs/heads/<branch>), as GitHub's branch rename does, retargeting open
// pull requests.
func (s *Server) SetDefaultBranch(owner, name, branch string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.repos[owner+"/"+name]
	old := r.DefaultBranch
	if sha, ok := r.refs["refs/heads/"+old]; ok {
		delete(r.refs, "refs/heads/"+old)
		r.refs["refs/heads/"+branch] = sha
	}
	for _, is := range r.issues {
		if is.pr != nil && is.state == "open" && is.pr.base == old {
			is.pr.base = branch
		}
	}
	r.DefaultBranch = branch
}

// SetArchived archives (read-only) or unarchives a repository.
func (s *Server) SetArchived(owner, name string, archived bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repos[owner+"/"+name].Archived = archived
}

// AddReview records a review on a pull request.
func (s *Server) AddReview(owner, name string, number int, user, state string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	is := s.repos[owner+"/"+name].issues[number-1]
	is.pr.reviews = append(is.pr.reviews, &review{id: nextID(), user: user, state: state, at: s.Clock.Now()})
}

// AddFault injects a fault.
func (s *Server) AddFault(f Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Times == 0 {
		f.Times = 1
	}
	if f.Nth == 0 {
		f.Nth = 1
	}
	s.faults = append(s.faults, &f)
}

// ClearFaults removes every pending fault.
func (s *Server) ClearFaults() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = nil
}

// Log returns the requests received so far.
func (s *Server) Log() []LogEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// ResetLog empties the request log.
func (s *Server) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

// Counts returns the number of logged requests and of mutating ones.
func (s *Server) Counts() (all, writes int) {
	for _, e := range s.Log() {
		all++
		if e.Write() {
			writes++
		}
	}
	return all, writes
}

// apiError is GitHub's error body.
type apiError struct {
	Message          string            `json:"message"`
	Errors           []any             `json:"errors,omitempty"` // objects, or strings (the reviews endpoint)
	DocumentationURL string            `json:"documentation_url,omitempty"`
	_                map[string]string `json:"-"`
}

type httpError struct {
	status int
	body   apiError
	header http.Header
}

func (e *httpError) Error() string { return e.body.Message }

func errf(status int, format string, args ...any) *httpError {
	return &httpError{status: status, body: apiError{Message: fmt.Sprintf(format, args...), DocumentationURL: "https://docs.github.com/rest"}}
}

// validation is GitHub's 422 "Validation Failed" with one error.
func validation(resource, field, code, msg string) *httpError {
	e := errf(http.StatusUnprocessableEntity, "Validation Failed")
	item := map[string]any{"resource": resource, "code": code}
	if field != "" {
		item["field"] = field
	}
	if msg != "" {
		item["message"] = msg
	}
	e.body.Errors = []any{item}
	return e
}

// request is what a handler gets.
type request struct {
	*http.Request
	params map[string]string
	user   string
	cred   string
	repo   *Repo
	body   []byte
	header http.Header // added to the response
	base   string      // the API root URL the client used
}

func (r *request) decode(v any) *httpError {
	if err := json.Unmarshal(r.body, v); err != nil {
		return errf(http.StatusBadRequest, "Problems parsing JSON")
	}
	return nil
}

func (r *request) intParam(name string) (int, *httpError) {
	n, err := strconv.Atoi(r.params[name])
	if err != nil {
		return 0, errf(http.StatusNotFound, "Not Found")
	}
	return n, nil
}

type handler func(s *Server, r *request) (status int, body any, err *httpError)

type route struct {
	method, pattern string
	segs            []string
	h               handler
	repo            bool // needs {owner}/{repo}
}

var routes []*route

func handle(method, pattern string, h handler) {
	rt := &route{method: method, pattern: pattern, segs: strings.Split(strings.Trim(pattern, "/"), "/"), h: h}
	rt.repo = strings.HasPrefix(pattern, "/repos/{owner}/{repo}")
	routes = append(routes, rt)
}

func (rt *route) match(segs []string) (map[string]string, bool) {
	params := map[string]string{}
	for i, p := range rt.segs {
		if strings.HasSuffix(p, "...}") {
			if i >= len(segs) {
				return nil, false
			}
			params[strings.Trim(p, "{.}")] = strings.Join(segs[i:], "/")
			return params, true
		}
		if i >= len(segs) {
			return nil, false
		}
		if strings.HasPrefix(p, "{") {
			params[strings.Trim(p, "{}")] = segs[i]
			continue
		}
		if p != segs[i] {
			return nil, false
		}
	}
	return params, len(segs) == len(rt.segs)
}

func (s *Server) serve(w http.ResponseWriter, hr *http.Request) {
	p := strings.TrimPrefix(hr.URL.EscapedPath(), "/api/v3")
	var segs []string
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		u, err := url.PathUnescape(seg)
		if err != nil {
			u = seg
		}
		segs = append(segs, u)
	}
	body, _ := io.ReadAll(hr.Body)
	if s.opts.Hook != nil {
		s.opts.Hook(hr.Method, "/"+strings.Join(segs, "/"))
	}
	auth := hr.Header.Get("Authorization")
	cred := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(auth, "Bearer "), "token "))

	s.mu.Lock()
	entry := LogEntry{Method: hr.Method, Path: "/" + strings.Join(segs, "/"), Query: hr.URL.RawQuery, Auth: cred, At: s.Clock.Now()}
	var rt *route
	var params map[string]string
	for _, cand := range routes {
		if cand.method != hr.Method {
			continue
		}
		if ps, ok := cand.match(segs); ok {
			rt, params = cand, ps
			break
		}
	}
	if rt != nil {
		entry.Route = rt.method + " " + rt.pattern
	}
	fault := s.takeFault(entry.Route)
	if fault != nil {
		entry.Fault = fault.Kind
	}
	idx := len(s.log)
	s.log = append(s.log, entry)
	setStatus := func(code int) { s.log[idx].Status = code }

	if fault != nil && !fault.After {
		s.fail(w, hr, fault, setStatus)
		return
	}
	s.respHeader = nil
	status, out, herr := s.dispatch(rt, params, hr, body, cred)
	for k, v := range s.respHeader {
		w.Header()[k] = v
	}
	if fault != nil {
		s.fail(w, hr, fault, setStatus)
		return
	}
	s.writeRateHeaders(w, cred)
	if herr != nil {
		if s.opts.EchoAuthInErrors && auth != "" {
			herr.body.Message += " (credentials: " + auth + ")"
		}
		for k, v := range herr.header {
			w.Header()[k] = v
		}
		status, out = herr.status, herr.body
	}
	setStatus(status)
	s.mu.Unlock()
	writeJSON(w, status, out)
}

// dispatch runs the handler with s.mu held.
func (s *Server) dispatch(rt *route, params map[string]string, hr *http.Request, body []byte, cred string) (int, any, *httpError) {
	appRoute := rt != nil && strings.HasPrefix(rt.pattern, "/app/")
	user, herr := s.tokenUser(cred, appRoute)
	if herr != nil {
		return 0, nil, herr
	}
	now := s.Clock.Now()
	if !now.Before(s.resetAt) {
		s.resetAt = now.Add(time.Hour)
		clear(s.remaining)
	}
	if _, ok := s.remaining[cred]; !ok {
		s.remaining[cred] = s.opts.RateLimit
	}
	if s.remaining[cred] <= 0 {
		return 0, nil, errf(http.StatusForbidden, "API rate limit exceeded for user.")
	}
	s.remaining[cred]--
	if rt == nil {
		return 0, nil, errf(http.StatusNotFound, "Not Found")
	}
	r := &request{Request: hr, params: params, user: user, cred: cred, body: body, header: http.Header{}, base: s.Server.URL}
	if strings.HasPrefix(hr.URL.Path, "/api/v3") {
		r.base += "/api/v3"
	}
	s.respHeader = r.header
	if rt.repo {
		r.repo = s.repos[params["owner"]+"/"+params["repo"]]
		if r.repo == nil || (r.repo.Private && user == "") {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
	}
	if hr.Method != http.MethodGet && user == "" && !appRoute {
		return 0, nil, errf(http.StatusUnauthorized, "Requires authentication")
	}
	if hr.Method != http.MethodGet && r.repo != nil && r.repo.Archived {
		return 0, nil, errf(http.StatusForbidden, "Repository was archived so is read-only.")
	}
	return rt.h(s, r)
}

func (s *Server) writeRateHeaders(w http.ResponseWriter, cred string) {
	rem, ok := s.remaining[cred]
	if !ok {
		return
	}
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(s.opts.RateLimit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(rem))
	h.Set("X-RateLimit-Used", strconv.Itoa(s.opts.RateLimit-rem))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(s.resetAt.Unix(), 10))
	h.Set("X-RateLimit-Resource", "core")
}

// takeFault returns the fault that hits this request, if any (s.mu held).
func (s *Server) takeFault(route string) *Fault {
	for i, f := range s.faults {
		if f.Route != "" && f.Route != route {
			continue
		}
		f.seen++
		if f.seen < f.Nth {
			continue
		}
		f.hit++
		if f.hit >= f.Times {
			s.faults = slices.Delete(s.faults, i, i+1)
		}
		return f
	}
	return nil
}

// fail answers with the fault (s.mu held; it is released).
func (s *Server) fail(w http.ResponseWriter, hr *http.Request, f *Fault, setStatus func(int)) {
	now := s.Clock.Now()
	h := w.Header()
	status := 0
	var body apiError
	switch f.Kind {
	case PrimaryLimit:
		status = http.StatusForbidden
		h.Set("X-RateLimit-Limit", strconv.Itoa(s.opts.RateLimit))
		h.Set("X-RateLimit-Remaining", "0")
		h.Set("X-RateLimit-Used", strconv.Itoa(s.opts.RateLimit))
		h.Set("X-RateLimit-Reset", strconv.FormatInt(now.Add(time.Minute).Unix(), 10))
		h.Set("X-RateLimit-Resource", "core")
		body = apiError{Message: "API rate limit exceeded for user ID 1.", DocumentationURL: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}
	case Secondary403, Secondary429:
		status = http.StatusForbidden
		if f.Kind == Secondary429 {
			status = http.StatusTooManyRequests
		}
		if f.RetryAfter > 0 {
			h.Set("Retry-After", strconv.Itoa(int(f.RetryAfter/time.Second)))
		}
		body = apiError{Message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}
	case BadGateway:
		status, body = http.StatusBadGateway, apiError{Message: "Server Error"}
	case Unavailable:
		status, body = http.StatusServiceUnavailable, apiError{Message: "Service Unavailable"}
	}
	setStatus(status)
	s.mu.Unlock()
	switch f.Kind {
	case Timeout:
		select {
		case <-hr.Context().Done():
		case <-time.After(30 * time.Second):
		}
		return
	case Drop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close()
				return
			}
		}
		panic(http.ErrAbortHandler)
	}
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	if loc, ok := v.(redirect); ok {
		w.Header().Set("Location", string(loc))
		w.WriteHeader(http.StatusFound)
		return
	}
	if raw, ok := v.(rawBody); ok {
		w.Header().Set("Content-Type", raw.contentType)
		w.WriteHeader(status)
		w.Write(raw.data)
		return
	}
	if status == http.StatusNoContent || v == nil {
		w.WriteHeader(status)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

type redirect string

type rawBody struct {
	contentType string
	data        []byte
}
