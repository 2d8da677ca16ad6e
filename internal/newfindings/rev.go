// Package newfindings narrows a run's findings to those a change
// introduced: new against a git revision (--new-from-rev,
// --new-from-merge-base: the revision's own findings are computed from
// its contents and matched by fingerprint), on the lines a patch adds
// (--new-from-patch), or not in a committed baseline (--baseline).
package newfindings

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/xynergy/xylint/internal/driver"
	"github.com/xynergy/xylint/internal/fingerprint"
	"github.com/xynergy/xylint/internal/gitrev"
	"github.com/xynergy/xylint/internal/lint"
)

// Base names the revision to compare with: Rev (--new-from-rev), or the
// merge base of MergeBase and HEAD (--new-from-merge-base).
type Base struct {
	Rev, MergeBase string
}

// Flag is the option the base came from, for messages.
func (b Base) Flag() string {
	if b.MergeBase != "" {
		return "--new-from-merge-base " + b.MergeBase
	}
	return "--new-from-rev " + b.Rev
}

// Since keeps the findings of head (a run with opts) that do not exist at
// the base revision, and returns a notice saying how many it hid. The
// base's findings come from a run of the same driver, with the same
// options and configuration, over the base's files read from git objects
// (no checkout); a file git sees renamed since keeps its findings. The
// error is for a base that cannot be read: a revision that does not
// exist, a shallow clone without it.
func Since(ctx context.Context, head *driver.Result, opts driver.Options, base Base) (string, error) {
	repo, err := gitrev.Open(ctx, head.Root())
	if err != nil {
		return "", err
	}
	if base.Rev == "HEAD" && repo.Unborn(ctx) {
		// The first commit (the pre-commit hook's --new-from-rev HEAD):
		// there is no base, every finding is new.
		return "HEAD has no commit yet: every finding is new (--new-from-rev HEAD)", nil
	}
	var sha string
	if base.MergeBase != "" {
		sha, err = repo.MergeBase(ctx, base.MergeBase)
	} else {
		sha, err = repo.Resolve(ctx, base.Rev)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %w", base.Flag(), err)
	}
	changes, err := repo.Diff(ctx, sha, head.Root())
	if err != nil {
		return "", fmt.Errorf("%s: %w", base.Flag(), err)
	}
	bc := openBaseCache(ctx, repo, sha, head, opts)
	prints, cached := bc.get()
	var baseErrs []driver.Problem
	if !cached {
		if prints, baseErrs, err = analyseBase(ctx, repo, sha, changes, head, opts); err != nil {
			return "", fmt.Errorf("%s: %w", base.Flag(), err)
		}
		// A base with files that could not be analysed (an object missing
		// from the repository) is not kept: the next run tries again.
		if len(baseErrs) == 0 {
			if err := bc.put(prints); err != nil {
				head.RunNotices = append(head.RunNotices, err.Error())
			}
		}
	}
	// A base file renamed since is fingerprinted under its new name.
	renamed := make(map[string]string, len(changes.Renamed))
	for now, was := range changes.Renamed {
		renamed[relTo(head.Root(), was)] = relTo(head.Root(), now)
	}
	seen := make(map[fingerprint.Print]bool, len(prints))
	for _, p := range prints {
		if n, ok := renamed[p.Path]; ok {
			p.Path = n
		}
		seen[p] = true
	}
	isNew := Prints(head, func(p fingerprint.Print) bool { return !seen[p] })
	hidden := head.Keep(func(d *lint.Diagnostic) bool { return isNew[key(d)] })
	msg := fmt.Sprintf("%d findings that exist at %s (%s) are not reported (%s)", hidden, short(sha), base.name(), base.Flag())
	if n := len(baseErrs); n > 0 {
		// What the base could not analyse has no findings there: its
		// findings today count as new. Say so rather than look complete.
		files := "1 file"
		if n > 1 {
			files = fmt.Sprintf("%d files", n)
		}
		msg += fmt.Sprintf("; at %s, %s could not be analysed, so their findings count as new (first: %s)", short(sha), files, baseErrs[0])
	}
	return msg, nil
}

// analyseBase runs the driver over the files of commit sha (read from git
// objects, or from disk where the work tree holds them unchanged) and
// returns its findings' fingerprints, under the paths at sha, and the
// problems of the files it could not analyse.
func analyseBase(ctx context.Context, repo *gitrev.Repo, sha string, changes *gitrev.Changes, head *driver.Result, opts driver.Options) ([]fingerprint.Print, []driver.Problem, error) {
	snap, err := repo.Snapshot(ctx, sha, head.Root())
	if err != nil {
		return nil, nil, err
	}
	defer snap.Close()
	snap.SetChanges(changes)
	// The whole project, named as the check named it: a file unchanged
	// since the base has the same path, module and content, so its
	// analysis is a cache hit.
	opts.Paths = []string{head.RootArg()}
	opts.ProjectRoot = head.Root()
	opts.Snapshot = snap
	old, err := driver.Run(ctx, opts)
	if err != nil {
		return nil, nil, fmt.Errorf("analysing the base: %w", err)
	}
	var prints []fingerprint.Print
	for _, f := range old.Files {
		prints = append(prints, fingerprint.Compute(fingerprint.File{Path: old.RelPath(f.Path), Src: f.Src, Diagnostics: f.Diagnostics})...)
	}
	return prints, old.Errors, nil
}

func (b Base) name() string {
	if b.MergeBase != "" {
		return "the merge base with " + b.MergeBase
	}
	return b.Rev
}

func short(sha string) string { return sha[:min(12, len(sha))] }

// diagKey identifies a diagnostic of a result (path and range and rule:
// unique within a run).
type diagKey struct {
	path       string
	start, end int
	rule       string
	msg        string
}

func key(d *lint.Diagnostic) diagKey {
	return diagKey{d.Path, d.Range.Start.Offset, d.Range.End.Offset, d.Rule.Code, d.Message}
}

// Prints fingerprints every finding of res and returns those for which
// pick is true.
func Prints(res *driver.Result, pick func(fingerprint.Print) bool) map[diagKey]bool {
	out := map[diagKey]bool{}
	for _, f := range res.Files {
		ps := fingerprint.Compute(fingerprint.File{Path: res.RelPath(f.Path), Src: f.Src, Diagnostics: f.Diagnostics})
		for i, p := range ps {
			if pick(p) {
				out[key(&f.Diagnostics[i])] = true
			}
		}
	}
	return out
}

func relTo(root, abs string) string {
	r, err := filepath.Rel(root, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}
