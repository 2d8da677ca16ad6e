package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/xynergy/xylint/analyzers/toolset"
	"github.com/xynergy/xylint/internal/escape"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/fix/fixrun"
	"github.com/xynergy/xylint/internal/github/ghclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/output"
	"github.com/xynergy/xylint/internal/review"
)

type reviewFlags struct {
	repo, commit, githubURL string
	number, max             int
	writeInterval           time.Duration
}

// prEvent is what review reads of a pull_request (or
// pull_request_target) event's payload.
type prEvent struct {
	Number      int `json:"number"`
	PullRequest struct {
		Number int `json:"number"`
		Head   struct {
			SHA  string `json:"sha"`
			Repo struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"head"`
		Base struct {
			Repo struct {
				FullName string `json:"full_name"`
			} `json:"repo"`
		} `json:"base"`
	} `json:"pull_request"`
}

// reviewCmd is `xylint review [PATH...]`: check, then post the findings
// with their fixes as one review on the pull request.
func reviewCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		f  checkFlags
		rf reviewFlags
	)
	cmd := &cobra.Command{
		Use:   "review [PATH...]",
		Short: "Check, then post the findings on the pull request as one review with one-click fix suggestions",
		Long: `Checks the paths as xylint check does (with the same flags: give the ones that
select new findings, such as --new-from-merge-base, to review only what the pull
request introduces), then posts one review on the pull request: a finding whose
fix lies in the diff gets a suggestion over exactly the lines it replaces, a fix
that also changes lines outside the diff is offered as a patch, and a finding
without a fix as a plain comment. At most --max-comments comments; the rest are
listed in the review's body. A later run updates xylint's own comments and deletes
those whose finding is gone, unless someone replied.

In GitHub Actions the pull request, its head commit and the repository come from
the event; elsewhere give --repo, --pr and --commit. Credentials: GITHUB_TOKEN
or GH_TOKEN (pull requests: write). On a pull request from a fork, whose token
is read-only, nothing is posted: the fixes go to the job summary as a patch.
Run it from the repository's checkout of the pull request's head. See
docs/github-action.md.`,
		RunE: func(cmd *cobra.Command, args []string) error { return runReview(cmd, args, &f, &rf, stdout, stderr) },
	}
	fl := cmd.Flags()
	f.runFlags(fl, "files analysed in parallel (default: the number of CPUs)")
	f.newFlags(fl)
	fl.StringVar(&rf.repo, "repo", "", "the repository, owner/name (default: $GITHUB_REPOSITORY)")
	fl.IntVar(&rf.number, "pr", 0, "the pull request's number (default: the event's, in GitHub Actions)")
	fl.StringVar(&rf.commit, "commit", "", "the commit checked (default: the event's pull request head); when the pull request has moved on, nothing is posted")
	fl.StringVar(&rf.githubURL, "github-url", os.Getenv("GITHUB_API_URL"), "GitHub Enterprise Server API URL (default github.com; $GITHUB_API_URL in Actions)")
	fl.IntVar(&rf.max, "max-comments", review.DefaultMax, "the most inline comments; the rest are listed in the review's body")
	fl.DurationVar(&rf.writeInterval, "write-interval", time.Second, "least time between two write requests (GitHub asks for 1s)")
	return cmd
}

func runReview(cmd *cobra.Command, args []string, f *checkFlags, rf *reviewFlags, stdout, stderr io.Writer) error {
	var ev prEvent
	if p := os.Getenv("GITHUB_EVENT_PATH"); p != "" {
		if data, err := os.ReadFile(p); err == nil {
			if err := json.Unmarshal(data, &ev); err != nil {
				return fmt.Errorf("reading the event payload $GITHUB_EVENT_PATH: %v", err)
			}
		}
	}
	if rf.number == 0 {
		rf.number = ev.PullRequest.Number
	}
	if rf.commit == "" {
		rf.commit = ev.PullRequest.Head.SHA
	}
	if rf.repo == "" {
		rf.repo = os.Getenv("GITHUB_REPOSITORY")
	}
	owner, name, ok := strings.Cut(rf.repo, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return fmt.Errorf("--repo %q: want owner/name (or run in GitHub Actions, which sets $GITHUB_REPOSITORY)", rf.repo)
	}
	if rf.number <= 0 {
		return fmt.Errorf("no pull request: give --pr, or run on a pull_request event")
	}
	res, err := f.run(cmd, args, stderr)
	if err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		return fmt.Errorf("the check failed (see above): nothing posted")
	}
	only := map[string][]lint.Diagnostic{}
	for _, d := range res.Diagnostics {
		only[d.Path] = append(only[d.Path], d)
	}
	sum := fixrun.Run(cmd.Context(), res, fixrun.Options{Jobs: f.jobs, Languages: toolset.Default().Fix, Only: only})
	if err := cmd.Context().Err(); err != nil {
		return err
	}
	fixrun.WriteErrors(stderr, sum)
	repoPath, err := repositoryPaths()
	if err != nil {
		return err
	}
	fixed := map[string][]byte{}
	for _, fl := range sum.Files {
		if fl.Changed() {
			fixed[fl.Path] = fl.New
		}
	}
	var findings []*review.Finding
	var files []review.File
	for path, ds := range only {
		old := res.Source(path)
		nw, ok := fixed[path]
		if !ok {
			nw = old
		}
		files = append(files, review.File{Path: repoPath(path), Old: old, New: nw})
		for _, d := range ds {
			findings = append(findings, &review.Finding{Path: repoPath(path), Diagnostic: d})
		}
	}
	sortFindings(findings)
	planOpts := review.PlanOptions{Max: rf.max, DocURL: output.RuleDocURL, NoFix: func(f *review.Finding) string {
		if fix.Safety(&f.Diagnostic) == lint.Unsafe {
			return "Its fix can change behaviour, so it is not suggested: review it with `xylint fix --unsafe-fixes --diff`."
		}
		return ""
	}}

	fork := ev.PullRequest.Head.Repo.FullName != "" && ev.PullRequest.Head.Repo.FullName != ev.PullRequest.Base.Repo.FullName
	if fork {
		return reviewFallback(stderr, "this pull request comes from a fork, whose workflow token cannot write reviews", files)
	}
	co, err := githubOptions(rf.githubURL, rf.writeInterval, 0, 0, "", stderr)
	if err != nil {
		return err
	}
	if co.Token == "" {
		return fmt.Errorf("review needs a token: set GITHUB_TOKEN or GH_TOKEN (pull requests: write)")
	}
	client, err := ghclient.New(co)
	if err != nil {
		return err
	}
	stdout, stderr = client.Redactor.Writer(stdout), client.Redactor.Writer(stderr)
	rep, err := review.Run(cmd.Context(), review.Options{Client: client, Owner: owner, Repo: name, Number: rf.number, Commit: rf.commit,
		Findings: findings, Files: files, Plan: planOpts})
	if errors.Is(err, review.ErrReadOnly) {
		return reviewFallback(stderr, "the token cannot write reviews on this pull request (a fork's, or without pull-requests: write)", files)
	}
	if err != nil {
		return client.Redactor.Error(err)
	}
	if rep.Stale {
		fmt.Fprintf(stdout, "xylint review: the pull request's head is now %s, not the commit checked (%s): nothing posted; the run of the newer push reviews it\n", short(rep.Head), short(rf.commit))
		return nil
	}
	p := rep.Plan
	fmt.Fprintf(stdout, "xylint review: %d new findings, %d with a fix; %d comments made, %d updated, %d unchanged, %d deleted (%d kept: replied to); %d listed in the review's body",
		p.Findings, p.Fixable, rep.Created, rep.Updated, rep.Kept, rep.Deleted, rep.KeptReplied, len(p.Left))
	if rep.ReviewURL != "" {
		fmt.Fprintf(stdout, ": %s", rep.ReviewURL)
	}
	fmt.Fprintln(stdout)
	return nil
}

func short(sha string) string { return sha[:min(len(sha), 12)] }

// repositoryPaths maps a path as the check shows it (relative to the
// working directory) to the repository's (from its root, as GitHub
// names files).
func repositoryPaths() (func(string) string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	out, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return nil, fmt.Errorf("review runs in a git checkout of the pull request: git rev-parse --show-toplevel: %v", err)
	}
	root := strings.TrimSpace(string(out))
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if w, err := filepath.EvalSymlinks(wd); err == nil {
		wd = w
	}
	return func(p string) string {
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, filepath.FromSlash(p))
		}
		if rel, err := filepath.Rel(root, p); err == nil {
			return filepath.ToSlash(rel)
		}
		return filepath.ToSlash(p)
	}, nil
}

func sortFindings(fs []*review.Finding) {
	slices.SortStableFunc(fs, func(a, b *review.Finding) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Range.Start.Offset, b.Range.Start.Offset), cmp.Compare(a.Rule.Code, b.Rule.Code))
	})
}

// reviewFallback is what review does when it may not write: one line
// saying why (an annotation in Actions), and the fixes as a patch in the
// job summary.
func reviewFallback(stderr io.Writer, why string, files []review.File) error {
	msg := "xylint review: no review posted: " + why + "; the findings are in the annotations and the job summary"
	if os.Getenv("GITHUB_ACTIONS") == "true" {
		fmt.Fprintf(stderr, "::notice title=xylint review::%s\n", strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(msg))
	} else {
		fmt.Fprintln(stderr, msg)
	}
	summary := os.Getenv("GITHUB_STEP_SUMMARY")
	if summary == "" {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n### xylint: suggested fixes\n\n" + escape.Markdown("No review was posted: "+why+".") + " Apply the fixes with `xylint fix`, or this patch:\n\n")
	var patch strings.Builder
	for _, fl := range files {
		patch.WriteString(fix.Diff(fl.Path, fl.Old, fl.New))
	}
	const budget = 256 << 10 // a quarter of the step summary's 1 MiB
	text := patch.String()
	if text == "" {
		return nil
	}
	if len(text) > budget {
		text = text[:strings.LastIndex(text[:budget], "\n")+1] + "… (cut: run `xylint fix --diff` for the whole patch)\n"
	}
	fc := "```"
	for strings.Contains(text, fc) {
		fc += "`"
	}
	b.WriteString(fc + "diff\n" + text + fc + "\n")
	fh, err := os.OpenFile(summary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := fh.WriteString(b.String()); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}
