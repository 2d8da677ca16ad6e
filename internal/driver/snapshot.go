package driver

import (
	"slices"

	"github.com/xynergy/xylint/internal/lint"
	"path/filepath"
	"strings"

	"github.com/xynergy/xylint/internal/walk"
)

// A Snapshot is the project's files as they were at another time — a git
// revision's, read from its objects in memory (--new-from-rev): a run
// given one analyses these files and contents in place of the work
// tree's, at the same paths and with the work tree's configuration (what
// today's settings say of the old code), and nothing is read from or
// written to the work tree's source files.
type Snapshot interface {
	// Files are the absolute paths of the snapshot's files (as the work
	// tree would hold them), sorted.
	Files() []string
	// Read returns a file's content.
	Read(abs string) ([]byte, error)
	// Same reports whether the file at abs on disk holds the snapshot's
	// content (unchanged since): it is then read from disk, and a cache
	// may trust its size and modification time — most files of a
	// revision a few commits back, which a warm cache then answers
	// without reading them.
	Same(abs string) bool
}

// snapshotWalk lists the files of s a walk of args would collect: the
// producers' extensions, not excluded by the configuration or a producer,
// not under .git and the like. named are those under args, context the
// rest of the project.
func snapshotWalk(s Snapshot, args []string, proj *project, wo walk.Options) (named, context []walk.File) {
	var roots []string
	for _, a := range args {
		a = walk.DirOfPattern(a)
		if !filepath.IsAbs(a) {
			a = filepath.Join(proj.cwd, a)
		}
		roots = append(roots, filepath.Clean(a))
	}
	excludedDir := map[string]bool{}
	var dirExcluded func(dir string) bool
	dirExcluded = func(dir string) bool {
		if dir == proj.root || !within(dir, proj.root) {
			return false
		}
		if ex, ok := excludedDir[dir]; ok {
			return ex
		}
		name := filepath.Base(dir)
		ex := dirExcluded(filepath.Dir(dir)) || name == ".git" || name == ".hg" || name == ".svn" ||
			(wo.Exclude != nil && wo.Exclude(dir, true))
		excludedDir[dir] = ex
		return ex
	}
	wanted := func(abs string) bool {
		for _, e := range wo.Extensions {
			if strings.HasSuffix(abs, e) {
				return true
			}
		}
		return false
	}
	for _, abs := range s.Files() {
		if !wanted(abs) || !within(abs, proj.root) || dirExcluded(filepath.Dir(abs)) || (wo.Exclude != nil && wo.Exclude(abs, false)) {
			continue
		}
		n, ok := proj.named(abs)
		if !ok {
			continue
		}
		f := walk.File{Path: n, Abs: abs, Real: abs}
		in := false
		for _, r := range roots {
			in = in || within(abs, r)
		}
		if in {
			named = append(named, f)
		} else {
			context = append(context, f)
		}
	}
	return named, context
}

// readSnapshot reads in's content from its snapshot, with the run's size
// limit.
func readSnapshot(in Input) ([]byte, error) {
	b, err := in.Snapshot.Read(in.Abs)
	if err != nil {
		return nil, err
	}
	limit := in.MaxFileSize
	if limit <= 0 {
		limit = MaxFileSize
	}
	if int64(len(b)) > min(limit, HardMaxFileSize) {
		return nil, tooLarge(int64(len(b)), limit)
	}
	return b, nil
}

// RootArg is the project's root as the run's paths named it (relative to
// the working directory when they were relative): a run over the whole
// project given it names every file as this run did — the same paths, the
// same module names, so the same cache entries.
func (r *Result) RootArg() string { return filepath.FromSlash(r.proj.shown) }

// ConfigFiles are the configuration files the run read (absolute,
// sorted): with its overrides, every setting that reached its findings.
// A run over a snapshot of the same project with the same options reads
// no others when the snapshot's directories are the work tree's.
func (r *Result) ConfigFiles() []string { return r.loader.Files() }

// Keep keeps the findings keep accepts (the new ones of --new-from-rev,
// those not in a baseline) and returns how many it dropped.
func (r *Result) Keep(keep func(*lint.Diagnostic) bool) int {
	n := len(r.Diagnostics)
	r.Diagnostics = slices.DeleteFunc(r.Diagnostics, func(d lint.Diagnostic) bool { return !keep(&d) })
	for _, f := range r.Files {
		f.Diagnostics = slices.DeleteFunc(f.Diagnostics, func(d lint.Diagnostic) bool { return !keep(&d) })
	}
	return n - len(r.Diagnostics)
}
