package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xynergy/xylint/internal/github/ghfake"
	"github.com/xynergy/xylint/internal/testutil/gittest"
)

// xylint review as the action runs it: the built binary in a git checkout
// of a pull request's head, against the fake GitHub, which refuses (422) a
// comment on a line outside the diff as GitHub does.

const reviewToken = "ghs_REVIEWcanary0123456789abcdefghijkl"

// exportV1 is a new file of the pull request: every line is in the diff,
// so every hunk of its fix (the import and the logger included) can be a
// suggestion.
const exportV1 = `"""content-hub: exports."""

import json


def export(request, items):
    print("exporting", len(items))
    out = json.dumps(items)
    print("done")
    return out


def stats(request, items):
    print("count", len(items))
    return len(items)
`

// exportV2 is the next push: "done" and "count" are gone, "archived" is new.
const exportV2 = `"""content-hub: exports."""

import json


def export(request, items):
    print("exporting", len(items))
    out = json.dumps(items)
    return out


def stats(request, items):
    return len(items)


def archive(request, items):
    print("archived", len(items))
`

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	return gittest.Run(t, dir, args...)
}

// prCheckout is a git repository holding the sample platform (the base)
// and the same repository on the fake, with a pull request from branch
// "feature"; push writes a commit to both.
type prCheckout struct {
	t      *testing.T
	dir    string
	fake   *ghfake.Server
	number int
	head   string // the fake's head commit
}

func newPRCheckout(t *testing.T, opts ghfake.Options) *prCheckout {
	t.Helper()
	dir := copyTree(t, filepath.Join("..", "..", "testdata", "platform"))
	git(t, dir, "init", "-q", "-b", "main")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "base")
	git(t, dir, "checkout", "-q", "-b", "feature")
	if opts.Tokens == nil {
		opts.Tokens = map[string]string{reviewToken: "github-actions[bot]"}
	}
	fake := ghfake.New(opts)
	t.Cleanup(fake.Close)
	files, err := ghfake.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for p := range files {
		if strings.HasPrefix(p, ".git/") {
			delete(files, p)
		}
	}
	fake.AddRepo("xynergy", "platform", files)
	return &prCheckout{t: t, dir: dir, fake: fake}
}

func (c *prCheckout) push(files map[string]string, msg string) {
	c.t.Helper()
	for p, content := range files {
		if err := os.WriteFile(filepath.Join(c.dir, filepath.FromSlash(p)), []byte(content), 0o644); err != nil {
			c.t.Fatal(err)
		}
	}
	git(c.t, c.dir, "add", "-A")
	git(c.t, c.dir, "commit", "-q", "-m", msg)
	c.head = c.fake.Commit("xynergy", "platform", "feature", files, nil, ghfake.Person{Name: "Dev", Email: "dev@example.com"}, msg)
	if c.number == 0 {
		c.number = c.fake.OpenPR("xynergy", "platform", "feature", "main", "Exports", "dev")
	}
}

// review runs `xylint review` in the checkout with a clean GitHub
// environment plus env.
func (c *prCheckout) review(env []string, args ...string) runResult {
	c.t.Helper()
	cmd := exec.Command(xylintBin, append([]string{"review", "--github-url", c.fake.URL, "--write-interval", "0",
		"--repo", "xynergy/platform", "--pr", strconv.Itoa(c.number), "--commit", c.head}, args...)...)
	cmd.Dir = c.dir
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); !strings.HasPrefix(k, "GITHUB_") && k != "GH_TOKEN" {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, env...)
	r := runCmd(c.t, cmd)
	if strings.Contains(r.stdout+r.stderr, reviewToken) {
		c.t.Fatalf("the token shows in the output:\n%s%s", r.stdout, r.stderr)
	}
	return r
}

var suggestionRE = regexp.MustCompile("(?s)\n(`{3,})suggestion\n(.*?)(`{3,})\\z")

// applySuggestions applies the suggestion blocks of comments on path to
// content, as GitHub's "Commit suggestions" does: each replaces the lines
// from its start line to its line.
func applySuggestions(t *testing.T, content string, comments []ghfake.ReviewComment, path string) (string, int) {
	t.Helper()
	lines := strings.SplitAfter(content, "\n")
	type sug struct {
		from, to int
		text     string
	}
	var sugs []sug
	for _, c := range comments {
		if c.Path != path || c.Line == 0 { // an outdated comment applies no more
			continue
		}
		body := strings.TrimSuffix(c.Body[:strings.Index(c.Body, "<!-- xylint-review:")], "\n\n")
		m := suggestionRE.FindStringSubmatch(body)
		if m == nil {
			continue
		}
		from := c.StartLine
		if from == 0 {
			from = c.Line
		}
		sugs = append(sugs, sug{from, c.Line, m[2]})
	}
	// Bottom up, so that earlier lines keep their numbers.
	for i := range sugs {
		for j := i + 1; j < len(sugs); j++ {
			if sugs[j].from > sugs[i].from {
				sugs[i], sugs[j] = sugs[j], sugs[i]
			}
		}
	}
	for _, s := range sugs {
		lines = append(lines[:s.from-1], append(strings.SplitAfter(strings.TrimSuffix(s.text, "\n"), "\n"), lines[s.to:]...)...)
		for i := s.from - 1; i < s.from-1+strings.Count(s.text, "\n"); i++ {
			if !strings.HasSuffix(lines[i], "\n") {
				lines[i] += "\n"
			}
		}
	}
	return strings.Join(lines, ""), len(sugs)
}

func TestReviewSuggestsFixesOnThePullRequest(t *testing.T) {
	c := newPRCheckout(t, ghfake.Options{})
	upload := readFile(t, filepath.Join(c.dir, "content-hub", "main.py"))
	upload = strings.Replace(upload, "    blob = get_bucket()", "    print(\"uploading\", file.filename)\n    blob = get_bucket()", 1)
	c.push(map[string]string{"content-hub/export.py": exportV1, "content-hub/main.py": upload, "content-hub/logconf.py": logSetup}, "exports")
	token := []string{"GITHUB_TOKEN=" + reviewToken}

	r := c.review(token, "content-hub/export.py", "content-hub/main.py")
	if r.code != 0 {
		t.Fatalf("review: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	reviews := c.fake.Reviews("xynergy", "platform", c.number)
	comments := c.fake.ReviewComments("xynergy", "platform", c.number)
	if len(reviews) != 1 || reviews[0].Comments != len(comments) || len(comments) < 5 {
		t.Fatalf("want one review holding every comment: %+v, %d comments\n%s", reviews, len(comments), r.stdout)
	}
	for _, e := range c.fake.Log() {
		if e.Status == 422 {
			t.Fatalf("GitHub refused a request: %+v", e)
		}
	}
	// Applying every suggestion on the new file gives what xylint fix
	// writes, and the fix's import is one of them.
	got, n := applySuggestions(t, exportV1, comments, "content-hub/export.py")
	fixed := copyTree(t, c.dir)
	if f := xylint(t, fixed, "fix", "content-hub/export.py"); f.code != 0 {
		t.Fatalf("xylint fix: exit %d\n%s%s", f.code, f.stdout, f.stderr)
	}
	if want := readFile(t, filepath.Join(fixed, "content-hub", "export.py")); got != want {
		t.Fatalf("the %d suggestions applied give\n%s\nxylint fix writes\n%s", n, got, want)
	}
	multi := false
	for _, cm := range comments {
		if cm.Path == "content-hub/export.py" && !strings.Contains(cm.Body, "```suggestion\n") {
			t.Errorf("a comment on the new file without a suggestion:\n%s", cm.Body)
		}
		multi = multi || cm.StartLine > 0
	}
	// The print added to main.py is a one-line suggestion (the file has a
	// logger); its body says what and why.
	var onMain []ghfake.ReviewComment
	for _, cm := range comments {
		if cm.Path == "content-hub/main.py" && strings.Contains(cm.Body, "XY005") {
			onMain = append(onMain, cm)
		}
	}
	if len(onMain) != 1 || onMain[0].Line != 47 || !strings.Contains(onMain[0].Body, "```suggestion\n    logger.info(\"uploading %s\", file.filename)\n```") {
		t.Fatalf("comments on main.py: %+v", onMain)
	}
	_ = multi

	// The same head again: nothing is written.
	_, before := c.fake.Counts()
	if r := c.review(token, "content-hub/export.py", "content-hub/main.py"); r.code != 0 {
		t.Fatalf("second run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, after := c.fake.Counts(); after != before {
		t.Fatalf("a second run on the same head wrote %d times", after-before)
	}

	// A person replies to the "done" comment; a push removes "done" and
	// "count" and adds "archived": the reply keeps its thread, the other
	// comment goes, and one new review holds the new comment.
	var done, count int64
	for _, cm := range comments {
		switch {
		case strings.Contains(cm.Body, `print(\"done\")`), strings.Contains(cm.Body, `logger.info("done")`):
			done = cm.ID
		case strings.Contains(cm.Body, `logger.info("count %s"`):
			count = cm.ID
		}
	}
	if done == 0 || count == 0 {
		t.Fatalf("no comment for print(\"done\") or print(\"count\", ...):\n%+v", comments)
	}
	c.fake.Reply("xynergy", "platform", c.number, done, "dev", "on purpose, I'll drop it")
	c.push(map[string]string{"content-hub/export.py": exportV2}, "drop done and count")
	// GitHub's limits on the way: a secondary limit on the review and a
	// 502 on the diff are waited out and retried.
	c.fake.AddFault(ghfake.Fault{Route: "POST /repos/{owner}/{repo}/pulls/{number}/reviews", Kind: ghfake.Secondary429, RetryAfter: time.Second})
	c.fake.AddFault(ghfake.Fault{Route: "GET /repos/{owner}/{repo}/pulls/{number}/files", Kind: ghfake.BadGateway})
	if r := c.review(token, "content-hub/export.py", "content-hub/main.py"); r.code != 0 {
		t.Fatalf("after the push: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	reviews = c.fake.Reviews("xynergy", "platform", c.number)
	after := c.fake.ReviewComments("xynergy", "platform", c.number)
	ids := map[int64]ghfake.ReviewComment{}
	for _, cm := range after {
		ids[cm.ID] = cm
	}
	if len(reviews) != 2 {
		t.Fatalf("want a second review: %+v", reviews)
	}
	if _, ok := ids[done]; !ok {
		t.Errorf("the comment someone replied to was deleted")
	}
	if _, ok := ids[count]; ok {
		t.Errorf("the comment whose finding is gone was kept")
	}
	archived := 0
	for _, cm := range after {
		if cm.ReviewID == reviews[1].ID && strings.Contains(cm.Body, "archived") {
			archived++
		}
	}
	if archived != 1 {
		t.Errorf("want one new comment for print(\"archived\", ...) in the new review, got %d", archived)
	}
	got, _ = applySuggestions(t, exportV2, after, "content-hub/export.py")
	fixed = copyTree(t, c.dir)
	xylint(t, fixed, "fix", "content-hub/export.py")
	if want := readFile(t, filepath.Join(fixed, "content-hub", "export.py")); got != want {
		t.Errorf("after the push, the suggestions give\n%s\nxylint fix writes\n%s", got, want)
	}
}

func TestReviewOnAForkFallsBackToTheSummary(t *testing.T) {
	c := newPRCheckout(t, ghfake.Options{})
	c.push(map[string]string{"content-hub/export.py": exportV1, "content-hub/logconf.py": logSetup}, "exports")
	event := filepath.Join(t.TempDir(), "event.json")
	payload := `{"number": ` + strconv.Itoa(c.number) + `, "pull_request": {"number": ` + strconv.Itoa(c.number) +
		`, "head": {"sha": "` + c.head + `", "repo": {"full_name": "someone/platform"}}, "base": {"repo": {"full_name": "xynergy/platform"}}}}`
	if err := os.WriteFile(event, []byte(payload), 0o644); err != nil {
		t.Fatal(err)
	}
	summary := filepath.Join(t.TempDir(), "summary.md")
	r := c.review([]string{"GITHUB_TOKEN=" + reviewToken, "GITHUB_EVENT_PATH=" + event, "GITHUB_STEP_SUMMARY=" + summary, "GITHUB_ACTIONS=true"},
		"content-hub/export.py")
	if r.code != 0 || !strings.Contains(r.stderr, "::notice title=xylint review::xylint review: no review posted: this pull request comes from a fork") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if _, writes := c.fake.Counts(); writes != 0 {
		t.Fatalf("%d writes on a fork's pull request", writes)
	}
	if s := readFile(t, summary); !strings.Contains(s, "+import logging") || !strings.Contains(s, "```diff\n--- a/content-hub/export.py") {
		t.Fatalf("summary:\n%s", s)
	}
}

func TestReviewWithAReadOnlyToken(t *testing.T) {
	c := newPRCheckout(t, ghfake.Options{Tokens: map[string]string{reviewToken: "github-actions[bot]"}, ReadOnlyTokens: []string{reviewToken}})
	c.push(map[string]string{"content-hub/export.py": exportV1, "content-hub/logconf.py": logSetup}, "exports")
	r := c.review([]string{"GITHUB_TOKEN=" + reviewToken}, "content-hub/export.py")
	if r.code != 0 || !strings.Contains(r.stderr, "no review posted: the token cannot write reviews") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestReviewOnlyNewFindings: with --new-from-merge-base, the review is
// about what the pull request introduces: the print it adds to
// content-hub/main.py is there, the file's old unauthenticated route is
// not (without the flag it is, in the review's body).
func TestReviewOnlyNewFindings(t *testing.T) {
	text := func(c *prCheckout) string {
		var b strings.Builder
		for _, rv := range c.fake.Reviews("xynergy", "platform", c.number) {
			b.WriteString(rv.Body + "\n")
		}
		for _, cm := range c.fake.ReviewComments("xynergy", "platform", c.number) {
			b.WriteString(cm.Path + ": " + cm.Body + "\n")
		}
		return b.String()
	}
	token := []string{"GITHUB_TOKEN=" + reviewToken}
	for _, only := range []bool{false, true} {
		c := newPRCheckout(t, ghfake.Options{})
		upload := readFile(t, filepath.Join(c.dir, "content-hub", "main.py"))
		upload = strings.Replace(upload, "    blob = get_bucket()", "    print(\"uploading\", file.filename)\n    blob = get_bucket()", 1)
		c.push(map[string]string{"content-hub/main.py": upload}, "upload log")
		args := []string{"content-hub/main.py"}
		if only {
			args = append([]string{"--new-from-merge-base", "main"}, args...)
		}
		r := c.review(token, args...)
		if r.code != 0 {
			t.Fatalf("review %v: exit %d\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		got := text(c)
		if !strings.Contains(got, "XY005") {
			t.Errorf("review %v: the new print is missing:\n%s", args, got)
		}
		if hasOld := strings.Contains(got, "XY002"); hasOld == only {
			t.Errorf("review %v: the old XY002 of content-hub/main.py reported: %v\n%s", args, hasOld, got)
		}
	}
}
