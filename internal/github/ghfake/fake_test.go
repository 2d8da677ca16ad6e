package ghfake_test

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

func client(t *testing.T) (*ghfake.Server, *ghclient.Client) {
	fake := ghfake.New(ghfake.Options{})
	t.Cleanup(fake.Close)
	c, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: "ghp_test0123456789", Clock: fake.Clock, WriteInterval: -1, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	return fake, c
}

func wantStatus(t *testing.T, err error, status int, text string) {
	t.Helper()
	if ghclient.Status(err) != status || (text != "" && !ghclient.Says(err, text)) {
		t.Fatalf("err = %v, want %d %q", err, status, text)
	}
}

func TestStrictAsGitHub(t *testing.T) {
	fake, c := client(t)
	ctx := context.Background()
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "a = 1\n", "pkg/b.py": "b = 1\n", "pkg/c.py": "c = 1\n"})
	fake.AddRepo("acme", "empty", nil)

	_, _, err := c.Git.GetRef(ctx, "acme", "empty", "heads/main")
	wantStatus(t, err, http.StatusConflict, "Git Repository is empty.")
	_, _, err = c.Repositories.Get(ctx, "acme", "nope")
	wantStatus(t, err, http.StatusNotFound, "Not Found")
	req, _ := c.NewRequest("GET", "repos/acme/svc/no/such/route", nil)
	_, err = c.Do(ctx, req, nil)
	wantStatus(t, err, http.StatusNotFound, "")

	main, _, err := c.Git.GetRef(ctx, "acme", "svc", "heads/main")
	if err != nil {
		t.Fatal(err)
	}
	base := fake.GetCommit("acme", "svc", main.GetObject().GetSHA())
	// base_tree keeps unlisted paths; nil sha and content deletes one.
	tree, _, err := c.Git.CreateTree(ctx, "acme", "svc", base.Tree, []*github.TreeEntry{
		{Path: github.String("pkg/b.py"), Mode: github.String("100644"), Type: github.String("blob"), Content: github.String("b = 2\n")},
		{Path: github.String("pkg/c.py"), Mode: github.String("100644"), Type: github.String("blob")},
	})
	if err != nil {
		t.Fatal(err)
	}
	commit, _, err := c.Git.CreateCommit(ctx, "acme", "svc", &github.Commit{Message: github.String("m"), Tree: tree, Parents: []*github.Commit{{SHA: main.Object.SHA}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	newRef := &github.Reference{Ref: github.String("refs/heads/feature"), Object: &github.GitObject{SHA: commit.SHA}}
	if _, _, err := c.Git.CreateRef(ctx, "acme", "svc", newRef); err != nil {
		t.Fatal(err)
	}
	files := fake.Files("acme", "svc", "feature")
	if files["a.py"] != "a = 1\n" || files["pkg/b.py"] != "b = 2\n" || len(files) != 2 {
		t.Fatalf("files %v", files)
	}
	_, _, err = c.Git.CreateRef(ctx, "acme", "svc", newRef)
	wantStatus(t, err, 422, "Reference already exists")

	// A tree without base_tree holds only what it lists.
	lone, _, err := c.Git.CreateTree(ctx, "acme", "svc", "", []*github.TreeEntry{{Path: github.String("only.py"), Mode: github.String("100644"), Type: github.String("blob"), Content: github.String("x\n")}})
	if err != nil || len(lone.Entries) != 1 {
		t.Fatalf("tree %v err %v", lone, err)
	}
	// Moving main to a commit that does not contain it is not a fast forward.
	other, _, _ := c.Git.CreateCommit(ctx, "acme", "svc", &github.Commit{Message: github.String("o"), Tree: lone}, nil)
	_, _, err = c.Git.UpdateRef(ctx, "acme", "svc", &github.Reference{Ref: github.String("refs/heads/feature"), Object: &github.GitObject{SHA: other.SHA}}, false)
	wantStatus(t, err, 422, "Update is not a fast forward")

	pr := &github.NewPullRequest{Title: github.String("t"), Head: github.String("feature"), Base: github.String("main")}
	if _, _, err := c.PullRequests.Create(ctx, "acme", "svc", pr); err != nil {
		t.Fatal(err)
	}
	_, _, err = c.PullRequests.Create(ctx, "acme", "svc", pr)
	wantStatus(t, err, 422, "A pull request already exists for acme:feature.")

	if _, _, err := c.Git.CreateRef(ctx, "acme", "svc", &github.Reference{Ref: github.String("refs/heads/same"), Object: main.Object}); err != nil {
		t.Fatal(err)
	}
	_, _, err = c.PullRequests.Create(ctx, "acme", "svc", &github.NewPullRequest{Title: github.String("t"), Head: github.String("same"), Base: github.String("main")})
	wantStatus(t, err, 422, "No commits between main and same")

	_, err = c.Git.DeleteRef(ctx, "acme", "svc", "heads/nope")
	wantStatus(t, err, 422, "Reference does not exist")
}

func TestArchiveLink(t *testing.T) {
	fake, c := client(t)
	ctx := context.Background()
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "a = 1\n", "pkg/b.py": "b = 1\n"})
	link, _, err := c.Repositories.GetArchiveLink(ctx, "acme", "svc", github.Tarball, &github.RepositoryContentGetOptions{Ref: "main"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	data, err := c.Download(ctx, link, 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(zr)
	sha := fake.Ref("acme", "svc", "heads/main")
	got := map[string]string{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Typeflag == tar.TypeXGlobalHeader {
			if h.PAXRecords["comment"] != sha {
				t.Errorf("pax comment %q, want %s", h.PAXRecords["comment"], sha)
			}
			continue
		}
		b, _ := io.ReadAll(tr)
		if h.Typeflag == tar.TypeReg {
			got[h.Name] = string(b)
		}
	}
	if got["acme-svc-"+sha[:7]+"/pkg/b.py"] != "b = 1\n" || len(got) != 2 {
		t.Fatalf("archive %v", got)
	}
	// The link's token is single-repository and unguessable: another is 404.
	bad := *link
	bad.RawQuery = "token=nope"
	if _, err := c.Download(ctx, &bad, 1<<20); err == nil {
		t.Fatal("a wrong archive token was accepted")
	}
}
