package ghfake_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-github/v62/github"

	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/github/ghfake"
)

// numbered is a file of n lines "line 1" ... "line n".
func numbered(n int, change map[int]string) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		if s, ok := change[i]; ok {
			b.WriteString(s)
			continue
		}
		b.WriteString("line " + strconv.Itoa(i) + "\n")
	}
	return b.String()
}

func TestPullRequestDiffAndReviewComments(t *testing.T) {
	fake, c := client(t)
	ctx := context.Background()
	fake.AddRepo("acme", "svc", map[string]string{"a.py": numbered(30, nil), "gone.py": "x = 1\n"})
	fake.Commit("acme", "svc", "feature", map[string]string{"a.py": numbered(30, map[int]string{15: "changed 15\n"}), "new.py": "n = 1\nm = 2\n"},
		[]string{"gone.py"}, ghfake.Person{Name: "Dev", Email: "dev@example.com"}, "change")
	// The base moves on after the branch was made: its change is not in
	// the pull request's diff (the diff is from the merge base).
	fake.Commit("acme", "svc", "main", map[string]string{"other.py": "o = 1\n"}, nil, ghfake.Person{Name: "Dev", Email: "dev@example.com"}, "base")
	n := fake.OpenPR("acme", "svc", "feature", "main", "Change", "dev")

	files, _, err := c.PullRequests.ListFiles(ctx, "acme", "svc", n, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.GetFilename()+":"+f.GetStatus())
	}
	if strings.Join(got, " ") != "a.py:modified gone.py:removed new.py:added" {
		t.Fatalf("files = %v", got)
	}
	if p := files[0].GetPatch(); !strings.HasPrefix(p, "@@ -12,7 +12,7 @@\n line 12\n") || !strings.Contains(p, "-line 15\n+changed 15\n") {
		t.Fatalf("patch = %q", p)
	}

	pr, _, err := c.PullRequests.Get(ctx, "acme", "svc", n)
	if err != nil {
		t.Fatal(err)
	}
	head := pr.GetHead().GetSHA()
	comment := func(line, start int) *github.DraftReviewComment {
		dc := &github.DraftReviewComment{Path: github.String("a.py"), Line: github.Int(line), Side: github.String("RIGHT"), Body: github.String("x")}
		if start > 0 {
			dc.StartLine, dc.StartSide = github.Int(start), github.String("RIGHT")
		}
		return dc
	}
	review := func(cs ...*github.DraftReviewComment) error {
		_, _, err := c.PullRequests.CreateReview(ctx, "acme", "svc", n, &github.PullRequestReviewRequest{
			CommitID: github.String(head), Body: github.String("review"), Event: github.String("COMMENT"), Comments: cs})
		return err
	}
	// A line outside every hunk, or a start line in no hunk, refuses the
	// whole review: nothing is kept.
	wantStatus(t, review(comment(15, 0), comment(2, 0)), http.StatusUnprocessableEntity, "Pull request review thread line must be part of the diff")
	wantStatus(t, review(comment(15, 5)), http.StatusUnprocessableEntity, "start line must be part of the same hunk")
	if rs := fake.Reviews("acme", "svc", n); len(rs) != 0 {
		t.Fatalf("a refused review was kept: %+v", rs)
	}
	if err := review(comment(15, 13), comment(18, 0)); err != nil {
		t.Fatal(err)
	}
	rcs := fake.ReviewComments("acme", "svc", n)
	if len(rcs) != 2 || rcs[0].Line != 15 || rcs[0].StartLine != 13 || rcs[1].Line != 18 {
		t.Fatalf("comments = %+v", rcs)
	}

	// A person replies; the bot edits and deletes its own comments only.
	fake.Reply("acme", "svc", n, rcs[0].ID, "dev", "thanks")
	list, _, err := c.PullRequests.ListComments(ctx, "acme", "svc", n, nil)
	if err != nil || len(list) != 3 || list[2].GetInReplyTo() != rcs[0].ID {
		t.Fatalf("list = %v, %v", list, err)
	}
	if _, _, err := c.PullRequests.EditComment(ctx, "acme", "svc", rcs[1].ID, &github.PullRequestComment{Body: github.String("y")}); err != nil {
		t.Fatal(err)
	}
	_, err = c.PullRequests.DeleteComment(ctx, "acme", "svc", list[2].GetID())
	wantStatus(t, err, http.StatusForbidden, "")
	if _, err := c.PullRequests.DeleteComment(ctx, "acme", "svc", rcs[1].ID); err != nil {
		t.Fatal(err)
	}

	// A push that changes the commented lines outdates the comment; its
	// original line stays.
	fake.Commit("acme", "svc", "feature", map[string]string{"a.py": numbered(30, map[int]string{14: "changed 14\n", 15: "changed 15\n"})}, nil,
		ghfake.Person{Name: "Dev", Email: "dev@example.com"}, "again")
	rcs = fake.ReviewComments("acme", "svc", n)
	if rcs[0].Line != 0 || rcs[0].OriginalLine != 15 {
		t.Fatalf("after the push: %+v", rcs[0])
	}
	list, _, _ = c.PullRequests.ListComments(ctx, "acme", "svc", n, nil)
	if list[0].Line != nil || list[0].GetOriginalLine() != 15 {
		t.Fatalf("API after the push: line %v original %d", list[0].Line, list[0].GetOriginalLine())
	}
}

func TestReadOnlyToken(t *testing.T) {
	fake := ghfake.New(ghfake.Options{Tokens: map[string]string{"ghs_fork": "github-actions[bot]"}, ReadOnlyTokens: []string{"ghs_fork"}})
	t.Cleanup(fake.Close)
	c, err := ghclient.New(ghclient.Options{BaseURL: fake.URL, Token: "ghs_fork", Clock: fake.Clock, WriteInterval: -1, MaxAttempts: 1})
	if err != nil {
		t.Fatal(err)
	}
	fake.AddRepo("acme", "svc", map[string]string{"a.py": "a = 1\n"})
	fake.Commit("acme", "svc", "feature", map[string]string{"a.py": "a = 2\n"}, nil, ghfake.Person{Name: "Dev"}, "change")
	n := fake.OpenPR("acme", "svc", "feature", "main", "Change", "dev")
	if _, _, err := c.PullRequests.ListFiles(context.Background(), "acme", "svc", n, nil); err != nil {
		t.Fatal(err)
	}
	_, _, err = c.PullRequests.CreateReview(context.Background(), "acme", "svc", n, &github.PullRequestReviewRequest{Body: github.String("x"), Event: github.String("COMMENT")})
	wantStatus(t, err, http.StatusForbidden, "Resource not accessible by integration")
}
