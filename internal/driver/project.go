package driver

import (
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/xynergy/xylint/internal/config"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/walk"
)

// A run analyses the whole project its paths belong to and reports on the
// paths alone: a cross-file rule needs the other files (the auth a router
// gets where another file includes it), so `xylint check views.py` must
// find what `xylint check .` finds in views.py, and nothing else.

// FindProjectRoot returns the root of the project that the absolute paths
// belong to: the directory nearest to their common ancestor, at or above
// it, that holds an xylint configuration (xylint.toml, .xylint.toml, a
// pyproject.toml with [tool.xylint]) or a .git; without either, the
// nearest holding a Python or Go project's own file (pyproject.toml,
// setup.cfg, setup.py, go.mod). When there is none of those, the root is
// cwd if the paths are inside it (Ruff's fallback: a project without
// version control, run from its top), unless cwd is a directory that is
// no project — the home directory, the temporary directory, the file
// system's root — where a run named with a file below would walk, and
// write its cache into, all of it; then the paths' common ancestor.
func FindProjectRoot(abs []string, cwd string) string {
	common := commonDir(abs)
	if d, ok := nearestAbove(common, isProjectRoot); ok {
		return d
	}
	if d, ok := nearestAbove(common, isLanguageProjectRoot); ok {
		return d
	}
	if cwd != "" && within(common, cwd) && !notAProject(cwd) {
		return cwd
	}
	return common
}

// notAProject reports whether dir is one of the directories that hold
// many unrelated things and are never one project's root.
func notAProject(dir string) bool {
	dir = filepath.Clean(dir)
	if filepath.Dir(dir) == dir {
		return true
	}
	for _, d := range []string{os.TempDir(), os.Getenv("HOME")} {
		if d != "" && filepath.Clean(d) == dir {
			return true
		}
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Clean(home) == dir {
		return true
	}
	return false
}

// nearestAbove returns the nearest directory at or above dir for which is
// holds.
func nearestAbove(dir string, is func(string) bool) (string, bool) {
	for d := dir; ; {
		if is(d) {
			return d, true
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", false
		}
		d = parent
	}
}

// languageProjectFiles mark the root of a Python or Go project that has no
// xylint configuration and no .git.
var languageProjectFiles = []string{"pyproject.toml", "setup.cfg", "setup.py", "go.mod"}

// isLanguageProjectRoot reports whether dir holds one of
// languageProjectFiles.
func isLanguageProjectRoot(dir string) bool {
	for _, name := range languageProjectFiles {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return true
		}
	}
	return false
}

// isProjectRoot reports whether dir holds a .git (a directory, or a file
// in a worktree or submodule) or an xylint configuration.
func isProjectRoot(dir string) bool {
	if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
		return true
	}
	return config.HasConfiguration(dir)
}

// commonDir is the deepest directory holding every path of abs (a path
// that is a directory holds itself).
func commonDir(abs []string) string {
	dirOf := func(p string) string {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		return filepath.Dir(p)
	}
	common := dirOf(abs[0])
	for _, p := range abs[1:] {
		d := dirOf(p)
		for !within(d, common) {
			parent := filepath.Dir(common)
			if parent == common {
				break
			}
			common = parent
		}
	}
	return common
}

// project is where a run's files are and how they are named.
type project struct {
	root string // absolute
	// shown is the root as the user sees it: relative to the working
	// directory (".", "svc", "..") when the paths were given relative,
	// else absolute. The producers see each file as shown joined with its
	// path below the root, so that the names of one run form one tree
	// (module names are made from them).
	shown string
	cwd   string
	// inside is true when the working directory is strictly inside the
	// root: files are then displayed relative to it ("main.py", not
	// "../svc/main.py"), as the user named them.
	inside bool
}

// newProject finds the project of args (as given) with the working
// directory cwd; rootFlag (--project-root) wins when set.
func newProject(args []string, cwd, rootFlag string) (*project, error) {
	abs := make([]string, len(args))
	relative := false
	for i, a := range args {
		a = walk.DirOfPattern(a)
		if !filepath.IsAbs(a) {
			relative = true
			a = filepath.Join(cwd, a)
		}
		abs[i] = filepath.Clean(a)
	}
	p := &project{cwd: cwd}
	if rootFlag != "" {
		r := rootFlag
		if !filepath.IsAbs(r) {
			r = filepath.Join(cwd, r)
		}
		r = filepath.Clean(r)
		fi, err := os.Stat(r)
		if err != nil {
			return nil, fmt.Errorf("--project-root %s: %w", rootFlag, unwrapPath(err))
		}
		if !fi.IsDir() {
			return nil, fmt.Errorf("--project-root %s: not a directory", rootFlag)
		}
		for i, a := range abs {
			if !within(a, r) {
				return nil, fmt.Errorf("%s is outside the project root %s (--project-root): name paths inside it", args[i], rootFlag)
			}
		}
		p.root = r
	} else {
		p.root = FindProjectRoot(abs, cwd)
	}
	p.shown = filepath.ToSlash(p.root)
	if relative {
		if rel, err := filepath.Rel(cwd, p.root); err == nil {
			p.shown = filepath.ToSlash(rel)
		}
	}
	p.inside = relative && p.root != cwd && within(cwd, p.root)
	return p, nil
}

// named is the path the producers see for the file at abs (absolute, not
// resolved): the root as shown joined with the file's path below it. ok
// is false for a file outside the root.
func (p *project) named(abs string) (string, bool) {
	rel, err := filepath.Rel(p.root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return joinShown(p.shown, filepath.ToSlash(rel)), true
}

func joinShown(dir, rel string) string {
	switch {
	case rel == ".":
		return dir
	case dir == ".":
		return rel
	}
	return path.Join(dir, rel)
}

// Rel is the path of a file of the run relative to the project root,
// slash-separated ("svc/main.py"), as baselines and fingerprints name it:
// the same whatever the working directory. Paths outside the root are
// returned as they are.
func (p *project) rel(named string) string {
	if p.shown == "." {
		return named
	}
	if rest, ok := strings.CutPrefix(named, p.shown); ok && (rest == "" || rest[0] == '/') {
		return strings.TrimPrefix(rest, "/")
	}
	return named
}

// display is how a path the producers saw is shown: the same, unless the
// working directory is inside the root, where it is relative to the
// working directory.
func (p *project) display(named string) string {
	if !p.inside {
		return named
	}
	rel := p.rel(named)
	if rel == named && path.IsAbs(named) {
		return named
	}
	d, err := filepath.Rel(p.cwd, filepath.Join(p.root, filepath.FromSlash(rel)))
	if err != nil {
		return named
	}
	return filepath.ToSlash(d)
}

// isRoot reports whether args name the root alone (`xylint check .` at the
// root): then the walk of the paths is the walk of the project.
func (p *project) isRoot(args []string) bool {
	if len(args) != 1 {
		return false
	}
	a := walk.DirOfPattern(args[0])
	if !filepath.IsAbs(a) {
		a = filepath.Join(p.cwd, a)
	}
	return filepath.Clean(a) == p.root
}

// rename shows a file of the run (its result and its findings) with its
// display path.
func (p *project) rename(f *lint.FileResult) {
	if !p.inside {
		return
	}
	f.Path = p.display(f.Path)
	for i := range f.Diagnostics {
		f.Diagnostics[i].Path = p.display(f.Diagnostics[i].Path)
	}
}

// Root is the absolute directory of the project the run analysed.
func (r *Result) Root() string { return r.proj.root }

// RelPath is the path of a file of the run (as the Result shows it)
// relative to the project root, slash-separated: what baselines and
// fingerprints name, the same from any working directory.
func (r *Result) RelPath(path string) string {
	if in, ok := r.inputs[path]; ok {
		return r.proj.rel(in.Path)
	}
	return r.proj.rel(path)
}

// within reports whether the clean absolute path p is dir or below it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
