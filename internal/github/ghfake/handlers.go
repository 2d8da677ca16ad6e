package ghfake

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/google/go-github/v62/github"
)

// issue is an issue or, with pr set, a pull request (they share numbers).
type issue struct {
	number             int
	title, body, state string
	user               string
	labels             []string
	comments           []comment
	created, updated   time.Time
	closed             time.Time
	pr                 *pull
}

type pull struct {
	head, base       string
	headSHA          string // frozen when the pull request is closed
	merged, draft    bool
	mergedAt         time.Time
	reviewers, teams []string
	reviews          []*review
	comments         []*reviewComment // review comments (on lines of the diff)
}

type comment struct {
	id        int64
	user      string
	body      string
	createdAt time.Time
}

type review struct {
	id       int64
	user     string
	state    string // APPROVED, CHANGES_REQUESTED, COMMENTED
	body     string
	commitID string
	at       time.Time
}

// idSeq numbers comments, reviews and check runs across every fake of
// the process (tests run fakes in parallel).
var idSeq atomic.Int64

func nextID() int64 { return 1000 + idSeq.Add(1) }

func init() {
	handle("GET", "/user", func(s *Server, r *request) (int, any, *httpError) {
		if r.user == "" {
			return 0, nil, errf(http.StatusUnauthorized, "Requires authentication")
		}
		return 200, &github.User{Login: github.String(r.user), Type: github.String("User")}, nil
	})
	handle("GET", "/orgs/{org}/repos", func(s *Server, r *request) (int, any, *httpError) {
		var out []*github.Repository
		for _, key := range sortedKeys(s.repos) {
			repo := s.repos[key]
			if repo.Owner == r.params["org"] && (!repo.Private || r.user != "") {
				out = append(out, s.repoJSON(r, repo))
			}
		}
		if out == nil {
			found := false
			for _, repo := range s.repos {
				found = found || repo.Owner == r.params["org"]
			}
			if !found {
				return 0, nil, errf(http.StatusNotFound, "Not Found")
			}
		}
		return 200, page(r, out), nil
	})
	handle("GET", "/repos/{owner}/{repo}", func(s *Server, r *request) (int, any, *httpError) {
		return 200, s.repoJSON(r, r.repo), nil
	})
	archive := func(s *Server, r *request) (int, any, *httpError) {
		ref := r.params["ref"]
		if ref == "" {
			ref = r.repo.DefaultBranch
		}
		sha := r.repo.resolve(ref)
		if sha == "" {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		s.tokenSeq++
		tok := fmt.Sprintf("ARCHIVE%06d", s.tokenSeq)
		s.archives[tok] = r.repo.Owner + "/" + r.repo.Name + "@" + sha
		return http.StatusFound, redirect(fmt.Sprintf("%s/_codeload/%s/%s/legacy.tar.gz/%s?token=%s", s.Server.URL, r.repo.Owner, r.repo.Name, sha, tok)), nil
	}
	handle("GET", "/repos/{owner}/{repo}/tarball", archive)
	handle("GET", "/repos/{owner}/{repo}/tarball/{ref...}", archive)
	handle("GET", "/_codeload/{owner}/{repo}/legacy.tar.gz/{sha}", func(s *Server, r *request) (int, any, *httpError) {
		want := s.archives[r.URL.Query().Get("token")]
		key := r.params["owner"] + "/" + r.params["repo"]
		if want != key+"@"+r.params["sha"] {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		repo := s.repos[key]
		data, err := repo.obj.tarball(repo.Owner, repo.Name, r.params["sha"])
		if err != nil {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		return 200, rawBody{"application/x-gzip", data}, nil
	})

	// Git data.
	handle("GET", "/repos/{owner}/{repo}/git/ref/{ref...}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		name := "refs/" + r.params["ref"]
		sha, ok := r.repo.refs[name]
		if !ok {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		return 200, refJSON(r, name, sha), nil
	}))
	handle("GET", "/repos/{owner}/{repo}/git/matching-refs/{ref...}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		prefix := "refs/" + r.params["ref"]
		out := []*github.Reference{}
		for _, name := range sortedKeys(r.repo.refs) {
			if strings.HasPrefix(name, prefix) {
				out = append(out, refJSON(r, name, r.repo.refs[name]))
			}
		}
		return 200, page(r, out), nil
	}))
	handle("POST", "/repos/{owner}/{repo}/git/refs", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		var in struct{ Ref, SHA string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if !strings.HasPrefix(in.Ref, "refs/") || strings.Count(in.Ref, "/") < 2 {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Reference name must start with 'refs/' and have at least two slashes.")
		}
		if _, ok := r.repo.refs[in.Ref]; ok {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Reference already exists")
		}
		for name := range r.repo.refs {
			if strings.HasPrefix(name, in.Ref+"/") || strings.HasPrefix(in.Ref, name+"/") {
				return 0, nil, errf(http.StatusUnprocessableEntity, "Reference cannot be created")
			}
		}
		if r.repo.obj.commits[in.SHA] == nil {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Object does not exist")
		}
		r.repo.refs[in.Ref] = in.SHA
		return http.StatusCreated, refJSON(r, in.Ref, in.SHA), nil
	}))
	handle("PATCH", "/repos/{owner}/{repo}/git/refs/{ref...}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		var in struct {
			SHA   string
			Force bool
		}
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		name := "refs/" + r.params["ref"]
		old, ok := r.repo.refs[name]
		if !ok {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Reference does not exist")
		}
		if r.repo.obj.commits[in.SHA] == nil {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Object does not exist")
		}
		if !in.Force && !r.repo.obj.isAncestor(old, in.SHA) {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Update is not a fast forward")
		}
		r.repo.refs[name] = in.SHA
		return 200, refJSON(r, name, in.SHA), nil
	}))
	handle("DELETE", "/repos/{owner}/{repo}/git/refs/{ref...}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		name := "refs/" + r.params["ref"]
		if _, ok := r.repo.refs[name]; !ok {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Reference does not exist")
		}
		if branch, ok := strings.CutPrefix(name, "refs/heads/"); ok {
			// An open pull request whose head branch is deleted is closed,
			// as on GitHub.
			s.deleteBranchLocked(r.repo, branch)
		}
		delete(r.repo.refs, name)
		return http.StatusNoContent, nil, nil
	}))
	handle("POST", "/repos/{owner}/{repo}/git/blobs", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		var in struct{ Content, Encoding string }
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		data := []byte(in.Content)
		switch in.Encoding {
		case "", "utf-8":
		case "base64":
			var err error
			if data, err = base64.StdEncoding.DecodeString(in.Content); err != nil {
				return 0, nil, validation("Blob", "content", "invalid", "content is not valid Base64")
			}
		default:
			return 0, nil, validation("Blob", "encoding", "invalid", "encoding must be utf-8 or base64")
		}
		sha := r.repo.obj.putBlob(data)
		return http.StatusCreated, &github.Blob{SHA: github.String(sha)}, nil
	}))
	handle("POST", "/repos/{owner}/{repo}/git/trees", gitHandler(createTree))
	handle("GET", "/repos/{owner}/{repo}/git/trees/{sha}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		sha := r.params["sha"]
		if c := r.repo.obj.commits[sha]; c != nil {
			sha = c.Tree
		}
		es, ok := r.repo.obj.trees[sha]
		if !ok {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		return 200, treeJSON(r.repo, sha, es, r.URL.Query().Get("recursive") != ""), nil
	}))
	handle("POST", "/repos/{owner}/{repo}/git/commits", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		var in struct {
			Message   string
			Tree      string
			Parents   []string
			Author    *struct{ Name, Email, Date string }
			Committer *struct{ Name, Email, Date string }
		}
		if e := r.decode(&in); e != nil {
			return 0, nil, e
		}
		if _, ok := r.repo.obj.trees[in.Tree]; !ok {
			return 0, nil, errf(http.StatusUnprocessableEntity, "Tree SHA does not exist")
		}
		for _, p := range in.Parents {
			if r.repo.obj.commits[p] == nil {
				return 0, nil, errf(http.StatusUnprocessableEntity, "Parent SHA does not exist or is not a commit object")
			}
		}
		person := func(p *struct{ Name, Email, Date string }) Person {
			out := Person{Name: r.user, Email: r.user + "@users.noreply.github.com", Date: s.Clock.Now()}
			if p != nil && p.Name != "" {
				out.Name, out.Email = p.Name, p.Email
			}
			if p != nil && p.Date != "" {
				if t, err := time.Parse(time.RFC3339, p.Date); err == nil {
					out.Date = t
				}
			}
			return out
		}
		author := person(in.Author)
		committer := author
		if in.Committer != nil {
			committer = person(in.Committer)
		}
		c := &Commit{Tree: in.Tree, Parents: in.Parents, Author: author, Committer: committer, Message: in.Message}
		r.repo.obj.putCommit(c)
		return http.StatusCreated, commitJSON(r, c), nil
	}))
	handle("GET", "/repos/{owner}/{repo}/git/commits/{sha}", gitHandler(func(s *Server, r *request) (int, any, *httpError) {
		c := r.repo.obj.commits[r.params["sha"]]
		if c == nil {
			return 0, nil, errf(http.StatusNotFound, "Not Found")
		}
		return 200, commitJSON(r, c), nil
	}))
}

// gitHandler answers 409 for an empty repository, as GitHub's git data
// endpoints do.
func gitHandler(h handler) handler {
	return func(s *Server, r *request) (int, any, *httpError) {
		if len(r.repo.refs) == 0 {
			return 0, nil, errf(http.StatusConflict, "Git Repository is empty.")
		}
		return h(s, r)
	}
}

func createTree(s *Server, r *request) (int, any, *httpError) {
	var in struct {
		BaseTree string `json:"base_tree"`
		Tree     []struct {
			Path    string
			Mode    string
			Type    string
			SHA     *string
			Content *string
		}
	}
	if e := r.decode(&in); e != nil {
		return 0, nil, e
	}
	flat := map[string]file{}
	if in.BaseTree != "" {
		if _, ok := r.repo.obj.trees[in.BaseTree]; !ok {
			return 0, nil, validation("Tree", "base_tree", "invalid", "base_tree is not a valid tree oid")
		}
		flat = r.repo.obj.flatten(in.BaseTree)
	}
	for _, e := range in.Tree {
		if e.Path == "" || strings.HasPrefix(e.Path, "/") || strings.HasSuffix(e.Path, "/") || strings.Contains(e.Path, "//") {
			return 0, nil, validation("Tree", "path", "invalid", "tree.path contains a malformed path component")
		}
		mode, ok := modeOf(e.Mode)
		if !ok {
			return 0, nil, validation("Tree", "mode", "invalid", "tree.mode is invalid")
		}
		switch {
		case e.SHA == nil && e.Content == nil:
			delete(flat, e.Path)
			for p := range flat { // deleting a directory deletes what is below it
				if strings.HasPrefix(p, e.Path+"/") {
					delete(flat, p)
				}
			}
		case e.Content != nil:
			flat[e.Path] = file{mode, r.repo.obj.putBlob([]byte(*e.Content))}
		default:
			if _, ok := r.repo.obj.blobs[*e.SHA]; !ok {
				return 0, nil, validation("Tree", "sha", "invalid", "tree.sha "+*e.SHA+" is not a valid blob")
			}
			flat[e.Path] = file{mode, *e.SHA}
		}
	}
	sha := r.repo.obj.build(flat)
	return http.StatusCreated, treeJSON(r.repo, sha, r.repo.obj.trees[sha], false), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// page applies per_page/page to a list and sets the Link header as
// GitHub does.
func page[T any](r *request, items []T) []T {
	per, _ := strconv.Atoi(r.URL.Query().Get("per_page"))
	if per <= 0 {
		per = 30
	}
	per = min(per, 100)
	p, _ := strconv.Atoi(r.URL.Query().Get("page"))
	p = max(p, 1)
	start := min((p-1)*per, len(items))
	end := min(start+per, len(items))
	if end < len(items) {
		q := r.URL.Query()
		q.Set("page", strconv.Itoa(p+1))
		q.Set("per_page", strconv.Itoa(per))
		r.header.Set("Link", fmt.Sprintf(`<%s%s?%s>; rel="next"`, r.base, strings.TrimPrefix(r.URL.Path, "/api/v3"), q.Encode()))
	}
	out := items[start:end]
	if out == nil {
		out = []T{}
	}
	return out
}

func (s *Server) repoJSON(r *request, repo *Repo) *github.Repository {
	return &github.Repository{
		Name:          github.String(repo.Name),
		FullName:      github.String(repo.Owner + "/" + repo.Name),
		Owner:         &github.User{Login: github.String(repo.Owner)},
		DefaultBranch: github.String(repo.DefaultBranch),
		Private:       github.Bool(repo.Private),
		Archived:      github.Bool(repo.Archived),
		Fork:          github.Bool(repo.Fork),
		HTMLURL:       github.String(s.Server.URL + "/" + repo.Owner + "/" + repo.Name),
	}
}

func refJSON(r *request, name, sha string) *github.Reference {
	return &github.Reference{Ref: github.String(name), Object: &github.GitObject{Type: github.String("commit"), SHA: github.String(sha)}}
}

func treeJSON(repo *Repo, sha string, es []treeEntry, recursive bool) *github.Tree {
	t := &github.Tree{SHA: github.String(sha), Truncated: github.Bool(false)}
	var add func(prefix string, es []treeEntry)
	add = func(prefix string, es []treeEntry) {
		for _, e := range es {
			p := prefix + e.Name
			t.Entries = append(t.Entries, &github.TreeEntry{Path: github.String(p), Mode: github.String(e.Mode), Type: github.String(e.typ()), SHA: github.String(e.SHA)})
			if recursive && e.typ() == "tree" {
				add(p+"/", repo.obj.trees[e.SHA])
			}
		}
	}
	add("", es)
	return t
}

func commitJSON(r *request, c *Commit) *github.Commit {
	person := func(p Person) *github.CommitAuthor {
		return &github.CommitAuthor{Name: github.String(p.Name), Email: github.String(p.Email), Date: &github.Timestamp{Time: p.Date}}
	}
	out := &github.Commit{SHA: github.String(c.SHA), Tree: &github.Tree{SHA: github.String(c.Tree)}, Message: github.String(c.Message),
		Author: person(c.Author), Committer: person(c.Committer), Verification: &github.SignatureVerification{Verified: github.Bool(false), Reason: github.String("unsigned")}}
	for _, p := range c.Parents {
		out.Parents = append(out.Parents, &github.Commit{SHA: github.String(p)})
	}
	return out
}
