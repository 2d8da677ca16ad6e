// Package gitrev reads a git revision's files from the repository's
// objects, in memory, for `xylint check --new-from-rev`: no checkout, the
// work tree and the index are never touched.
//
// It runs the git command (`git cat-file --batch` for the contents): git
// reads every repository layout users have (worktrees, alternates as a
// `git clone --shared` makes them, partial and shallow clones, packfiles of
// any version), its rename detection is the one users know from `git log`,
// and the pre-commit hook and the GitHub Action have git already. A
// library reimplementation (go-git) would add a large dependency that
// lags git on exactly those layouts.
package gitrev

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Repo is a git work tree.
type Repo struct {
	// Top is the work tree's root (absolute, as git prints it).
	Top string
	dir string
}

// Open finds the repository holding dir.
func Open(ctx context.Context, dir string) (*Repo, error) {
	out, err := git(ctx, dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not in a git work tree (--new-from-rev and --new-from-merge-base read the base from git; without a repository use --new-from-patch)", dir)
	}
	top := filepath.FromSlash(strings.TrimSpace(out))
	if r, err := filepath.EvalSymlinks(top); err == nil {
		top = r
	}
	return &Repo{Top: top, dir: dir}, nil
}

// Resolve returns the commit rev names. Its errors say what to do: a
// revision that does not exist, or one a shallow clone does not hold
// (what to fetch).
func (r *Repo) Resolve(ctx context.Context, rev string) (string, error) {
	if rev == "" || strings.HasPrefix(rev, "-") {
		return "", fmt.Errorf("%q is not a git revision", rev)
	}
	out, err := git(ctx, r.Top, "rev-parse", "--verify", "--quiet", "--end-of-options", rev+"^{commit}")
	sha := strings.TrimSpace(out)
	if err == nil && sha != "" {
		// A commit named by its hash may still be missing (rev-parse
		// does not look for it); one named otherwise was read.
		if !isHex(rev) {
			return sha, nil
		}
		if _, err := git(ctx, r.Top, "cat-file", "-e", sha+"^{tree}"); err == nil {
			return sha, nil
		}
	}
	if r.shallow(ctx) {
		return "", fmt.Errorf("revision %s is not in this shallow clone: fetch the history that holds it (git fetch --deepen=50, or git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)", rev)
	}
	return "", fmt.Errorf("revision %s does not exist in %s (git rev-parse --verify %s finds no commit)", rev, r.Top, rev)
}

func isHex(s string) bool {
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return len(s) >= 4
}

// Unborn reports whether HEAD names a branch that has no commit yet (a
// repository's first commit is being made).
func (r *Repo) Unborn(ctx context.Context) bool {
	if _, err := git(ctx, r.Top, "rev-parse", "--verify", "--quiet", "HEAD"); err == nil {
		return false
	}
	_, err := git(ctx, r.Top, "symbolic-ref", "--quiet", "HEAD")
	return err == nil
}

func (r *Repo) shallow(ctx context.Context) bool {
	out, err := git(ctx, r.Top, "rev-parse", "--is-shallow-repository")
	return err == nil && strings.TrimSpace(out) == "true"
}

// MergeBase returns the best common ancestor of ref and HEAD.
func (r *Repo) MergeBase(ctx context.Context, ref string) (string, error) {
	sha, err := r.Resolve(ctx, ref)
	if err != nil {
		return "", err
	}
	head, err := r.Resolve(ctx, "HEAD")
	if err != nil {
		return "", err
	}
	out, err := git(ctx, r.Top, "merge-base", sha, head)
	if mb := strings.TrimSpace(out); err == nil && mb != "" {
		return mb, nil
	}
	if r.shallow(ctx) {
		return "", fmt.Errorf("the merge base of %s and HEAD is not in this shallow clone: fetch more history (git fetch --deepen=50 origin, or git fetch --unshallow; in GitHub Actions, actions/checkout with fetch-depth: 0)", ref)
	}
	return "", fmt.Errorf("%s and HEAD have no common ancestor (git merge-base finds none)", ref)
}

// Snapshot is the files of a commit below a directory of the work tree.
type Snapshot struct {
	// Dir is the directory (absolute, within Repo.Top) the files are under.
	Dir   string
	files []string          // absolute paths, sorted
	blobs map[string]string // absolute path → blob id
	cat   *catFile
	// changed are the files whose work tree content differs (Diff); nil
	// until SetChanges.
	changed map[string]bool
}

// Snapshot lists the regular files of commit below dir (absolute, in the
// work tree; symbolic links and submodules are left out) and reads them on
// demand. Close it after use.
func (r *Repo) Snapshot(ctx context.Context, commit, dir string) (*Snapshot, error) {
	rel, err := r.rel(dir)
	if err != nil {
		return nil, err
	}
	args := []string{"ls-tree", "-r", "-z", "--full-tree", commit}
	if rel != "." {
		args = append(args, "--", filepath.ToSlash(rel))
	}
	out, err := git(ctx, r.Top, args...)
	if err != nil {
		return nil, err
	}
	s := &Snapshot{Dir: dir, blobs: map[string]string{}}
	for _, rec := range strings.Split(out, "\x00") {
		meta, p, ok := strings.Cut(rec, "\t")
		if !ok {
			continue
		}
		f := strings.Fields(meta) // mode type id
		if len(f) != 3 || f[1] != "blob" || f[0] == "120000" {
			continue
		}
		abs, ok := below(dir, rel, p)
		if !ok {
			continue
		}
		s.files = append(s.files, abs)
		s.blobs[abs] = f[2]
	}
	slices.Sort(s.files)
	s.cat = &catFile{dir: r.Top}
	return s, nil
}

// Files are the absolute paths of the snapshot's files, sorted.
func (s *Snapshot) Files() []string { return s.files }

// Read returns the content of the file at abs in the commit.
func (s *Snapshot) Read(abs string) ([]byte, error) {
	id, ok := s.blobs[abs]
	if !ok {
		return nil, fmt.Errorf("not in the revision")
	}
	return s.cat.read(id)
}

// Close stops the git process reading the contents.
func (s *Snapshot) Close() error { return s.cat.close() }

// catFile is one `git cat-file --batch` process, started on first use,
// shared by the readers (one request at a time: git answers faster than
// the analysis asks).
type catFile struct {
	dir  string
	mu   sync.Mutex
	cmd  *exec.Cmd
	in   io.WriteCloser
	out  *bufio.Reader
	fail error
}

func (c *catFile) read(id string) ([]byte, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.fail != nil {
		return nil, c.fail
	}
	if c.cmd == nil {
		cmd := exec.Command("git", "cat-file", "--batch")
		cmd.Dir = c.dir
		in, err := cmd.StdinPipe()
		if err != nil {
			return nil, err
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			return nil, err
		}
		if err := cmd.Start(); err != nil {
			c.fail = fmt.Errorf("git cat-file: %w", err)
			return nil, c.fail
		}
		c.cmd, c.in, c.out = cmd, in, bufio.NewReaderSize(out, 64<<10)
	}
	if _, err := io.WriteString(c.in, id+"\n"); err != nil {
		c.fail = fmt.Errorf("git cat-file: %w", err)
		return nil, c.fail
	}
	header, err := c.out.ReadString('\n')
	if err != nil {
		c.fail = fmt.Errorf("git cat-file: %w", err)
		return nil, c.fail
	}
	f := strings.Fields(header) // id type size, or id missing
	if len(f) != 3 {
		return nil, fmt.Errorf("its object %s is missing from the repository (git cat-file: %s)", id, strings.TrimSpace(strings.TrimPrefix(header, id)))
	}
	n, err := strconv.Atoi(f[2])
	if err != nil {
		c.fail = fmt.Errorf("git cat-file: bad header %q", header)
		return nil, c.fail
	}
	buf := make([]byte, n+1) // the content and its newline
	if _, err := io.ReadFull(c.out, buf); err != nil {
		c.fail = fmt.Errorf("git cat-file: %w", err)
		return nil, c.fail
	}
	return buf[:n], nil
}

func (c *catFile) close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cmd == nil {
		return nil
	}
	c.in.Close()
	err := c.cmd.Wait()
	c.cmd = nil
	c.fail = errors.New("closed")
	return err
}

// rel is dir (absolute, in the work tree) relative to Top, slash-separated.
func (r *Repo) rel(dir string) (string, error) {
	real := dir
	if x, err := filepath.EvalSymlinks(dir); err == nil {
		real = x
	}
	rel, err := filepath.Rel(r.Top, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("%s is outside the git work tree %s", dir, r.Top)
	}
	return filepath.ToSlash(rel), nil
}

// below is the repository path p as a path below dir (whose path in the
// repository is rel), spelt as dir is; ok is false outside dir.
func below(dir, rel, p string) (string, bool) {
	if rel != "." {
		rest, ok := strings.CutPrefix(p, rel+"/")
		if !ok {
			return "", false
		}
		p = rest
	}
	return filepath.Join(dir, filepath.FromSlash(p)), true
}

// Tree returns the object ID of the tree of commit at dir (absolute, in
// the work tree): the same ID is the same content in every file below dir.
func (r *Repo) Tree(ctx context.Context, commit, dir string) (string, error) {
	rel, err := r.rel(dir)
	if err != nil {
		return "", err
	}
	if rel == "." {
		out, err := git(ctx, r.Top, "rev-parse", "--verify", "--quiet", commit+"^{tree}")
		if id := strings.TrimSpace(out); err == nil && isHex(id) {
			return id, nil
		}
		return "", fmt.Errorf("%s has no tree", commit)
	}
	// The directory's own entry ("040000 tree <id>\t<path>"), not a file's.
	out, err := git(ctx, r.Top, "ls-tree", "-d", "-z", "--full-tree", commit, "--", rel)
	meta, p, _ := strings.Cut(strings.TrimSuffix(out, "\x00"), "\t")
	if f := strings.Fields(meta); err == nil && p == rel && len(f) == 3 && f[1] == "tree" && isHex(f[2]) {
		return f[2], nil
	}
	return "", fmt.Errorf("%s has no directory %s", commit, rel)
}

// Changes are what git sees changed between a commit and the work tree
// below a directory (`git diff -M`, the work tree's tracked files).
type Changes struct {
	// Renamed maps the files git sees renamed, absolute and spelt as dir
	// is: new path → path in the commit.
	Renamed map[string]string
	// Changed holds the commit's files (absolute) whose content in the
	// work tree differs from the commit's, or that are gone from it.
	Changed map[string]bool
}

// Diff returns the changes between commit and the work tree below dir.
func (r *Repo) Diff(ctx context.Context, commit, dir string) (*Changes, error) {
	rel, err := r.rel(dir)
	if err != nil {
		return nil, err
	}
	args := []string{"diff", "--no-ext-diff", "--no-textconv", "-M", "--name-status", "-z", commit, "--"}
	if rel != "." {
		args = append(args, rel)
	}
	out, err := git(ctx, r.Top, args...)
	if err != nil {
		return nil, err
	}
	c := &Changes{Renamed: map[string]string{}, Changed: map[string]bool{}}
	f := strings.Split(out, "\x00")
	for i := 0; i+1 < len(f); i++ {
		status := f[i]
		if status == "" {
			continue
		}
		if (status[0] == 'R' || status[0] == 'C') && i+2 < len(f) {
			old, okOld := below(dir, rel, f[i+1])
			new, okNew := below(dir, rel, f[i+2])
			if status[0] == 'R' && okOld {
				c.Changed[old] = true
				if okNew {
					c.Renamed[new] = old
				}
			}
			i += 2
			continue
		}
		if p, ok := below(dir, rel, f[i+1]); ok {
			c.Changed[p] = true // M, T, D (A: not in the commit)
		}
		i++
	}
	return c, nil
}

// SetChanges tells the snapshot which of its files the work tree holds
// unchanged (Same). A file git does not see changed but that is not in the
// work tree — outside a sparse checkout's cone, or marked skip-worktree —
// is read from its object.
func (s *Snapshot) SetChanges(c *Changes) {
	s.changed = maps.Clone(c.Changed)
	for _, abs := range s.files {
		if !s.changed[abs] {
			if _, err := os.Lstat(abs); err != nil {
				s.changed[abs] = true
			}
		}
	}
}

// Same reports whether the file at abs holds the snapshot's content: it is
// one of the snapshot's files and git sees it unchanged in the work tree
// (so it can be read from disk, and its size and modification time
// trusted). False before SetChanges.
func (s *Snapshot) Same(abs string) bool {
	_, ok := s.blobs[abs]
	return ok && s.changed != nil && !s.changed[abs]
}

// git runs git in dir and returns its output; its error carries git's own
// message.
func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}
		return stdout.String(), fmt.Errorf("git %s: %s", args[0], msg)
	}
	return stdout.String(), nil
}
