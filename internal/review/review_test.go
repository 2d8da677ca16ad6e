package review

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// lyingDiff is a proxy that shows every line of every file as part of the
// diff: the review then plans comments GitHub refuses (422).
type lyingDiff struct{ next http.RoundTripper }

func (l lyingDiff) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.next.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/files") {
		return resp, err
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var files []map[string]any
	if err := json.Unmarshal(body, &files); err != nil {
		return nil, err
	}
	for _, f := range files {
		f["patch"] = "@@ -1,40 +1,40 @@" + strings.Repeat("\n x", 40)
	}
	body, _ = json.Marshal(files)
	resp.Body = io.NopCloser(bytes.NewReader(body))
	resp.ContentLength = int64(len(body))
	resp.Header.Del("Content-Length")
	return resp, nil
}

func TestRefusedLinesEndInTheBody(t *testing.T) {
	fake := ghfake.New(ghfake.Options{})
	t.Cleanup(fake.Close)
	var lines []string
	for i := 0; i < 30; i++ {
		lines = append(lines, "x = 1\n")
	}
	base := strings.Join(lines, "")
	head := strings.Replace(base, "x = 1\n", "print(x)\n", 1) // line 1 changes
	head = head[:len(head)-len("x = 1\n")] + "print(y)\n"     // and the last
	fake.AddRepo("acme", "svc", map[string]string{"a.py": base})
	sha := fake.Commit("acme", "svc", "feature", map[string]string{"a.py": head}, nil, ghfake.Person{Name: "Dev"}, "change")
	n := fake.OpenPR("acme", "svc", "feature", "main", "Change", "dev")
	c, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: "ghp_x", Clock: fake.Clock, WriteInterval: -1,
		Transport: lyingDiff{http.DefaultTransport}})
	if err != nil {
		t.Fatal(err)
	}
	// A finding on line 15, which the real diff does not show.
	off := 14 * len("x = 1\n")
	f := finding("a.py", head, off, off+5, "", "")
	f.Fix = nil
	rep, err := Run(context.Background(), Options{Client: c, Owner: "acme", Repo: "svc", Number: n, Commit: sha,
		Findings: []*Finding{f}, Files: []File{{Path: "a.py", Old: []byte(head), New: []byte(head)}}})
	if err != nil {
		t.Fatal(err)
	}
	rs := fake.Reviews("acme", "svc", n)
	if !rep.Retried || len(rs) != 1 || rs[0].Comments != 0 || !strings.Contains(rs[0].Body, "GitHub refused the comment's line") {
		t.Fatalf("report %+v, reviews %+v", rep, rs)
	}
}
