package migrate

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/xynergy/xylint/internal/fix"
)

// executeLocal works on a directory instead of GitHub: the same analysis
// and grouping, and one patch per service (git format-patch's mailbox
// format, so `git am` applies it as a commit; `git apply` and `patch -p1`
// take it too).
func executeLocal(ctx context.Context, opts Options) *RepoReport {
	c := opts.Campaign
	rr := &RepoReport{Repo: opts.Local}
	root, err := filepath.Abs(opts.Local)
	if err != nil {
		rr.Error = err.Error()
		return rr
	}
	svcs, err := findServices(root, c.ServiceGlobs, c.DetectServices == nil || *c.DetectServices)
	if err != nil {
		rr.Error = err.Error()
		return rr
	}
	an, err := analyse(ctx, opts.Toolset, root, c.Rules, c.Unsafe, opts.Jobs)
	if err != nil {
		rr.Error = err.Error()
		return rr
	}
	rr.Errors = an.Errors
	x := &repoExec{executor: &executor{opts: opts, c: c}, rep: rr, prs: map[string][]*prInfo{}, branches: map[string]string{}}
	states, err := x.plan(svcs, an)
	if err != nil {
		rr.Error = err.Error()
		return rr
	}
	for _, st := range states {
		if len(opts.Services) > 0 && !containsFold(opts.Services, st.svc.Dir) && !containsFold(opts.Services, st.svc.Slug) {
			continue
		}
		sr := st.report
		var diff strings.Builder
		for _, ch := range st.changes {
			diff.WriteString(gitDiff(ch))
		}
		if opts.Diffs {
			sr.Diff = diff.String()
		}
		switch {
		case len(st.changes) == 0:
			sr.Action = "nothing to fix automatically"
		case opts.Mode == Run:
			file := filepath.Join(opts.PatchDir, st.svc.Slug+".patch")
			sr.Action = "wrote " + file
			if err := os.MkdirAll(opts.PatchDir, 0o755); err != nil {
				sr.Error = err.Error()
				break
			}
			if err := os.WriteFile(file, []byte(x.mailbox(st, diff.String())), 0o644); err != nil {
				sr.Error = err.Error()
			}
		default:
			sr.Action = "would write " + st.svc.Slug + ".patch"
		}
		rr.Services = append(rr.Services, sr)
	}
	return rr
}

// gitDiff is a file's diff with git's header line.
func gitDiff(ch Change) string {
	return fmt.Sprintf("diff --git a/%s b/%s\n", ch.Path, ch.Path) + fix.Diff(ch.Path, ch.Old, ch.New)
}

func (r *repoExec) mailbox(st *svcState, diff string) string {
	title, _ := r.c.render(r.c.titleT, st.data)
	msg, _ := r.c.render(r.c.messageT, st.data)
	_, body, _ := strings.Cut(msg, "\n")
	date := r.opts.Clock.Now().UTC().Format("Mon, 2 Jan 2006 15:04:05 -0700")
	var b strings.Builder
	fmt.Fprintf(&b, "From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\nFrom: %s <%s>\nDate: %s\nSubject: [PATCH] %s\n\n", r.c.AuthorName, r.c.AuthorEmail, date, title)
	if body = strings.TrimSpace(body); body != "" {
		b.WriteString(body + "\n\n")
	}
	fmt.Fprintf(&b, "%s: %s\nXylint-Service: %s\n---\n%s-- \nxylint migrate\n", TrailerKey, r.c.Name, st.svc.Dir, diff)
	return b.String()
}
