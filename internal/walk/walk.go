// Package walk expands the paths given to `xylint check` into the files to
// analyse, as Ruff and ripgrep do: directories are walked respecting
// .gitignore files (nested ones too) and .git/info/exclude, the usual
// non-source directories are skipped, and a file named explicitly is always
// checked.
package walk

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// File is one file to analyse.
type File struct {
	// Path is what the user sees: the argument joined with the path below
	// it, slash-separated and cleaned ("svc/main.py").
	Path string
	// Abs is the absolute OS path.
	Abs string
	// Real is the absolute path with every symbolic link resolved: the file
	// that is read, and the one `xylint fix` may write.
	Real string
	// Explicit is true when the file was named on the command line.
	Explicit bool
}

// Error is a path that could not be walked or read: a dangling symlink, a
// symlink loop, an unreadable directory, something that is not a regular
// file. The walk goes on; the run exits 2.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Options control a walk.
type Options struct {
	// Extensions of files to collect from directories (".py", ".pyi").
	Extensions []string
	// Exclude reports whether an absolute path found while walking a
	// directory is excluded (config `exclude`, `--exclude`). It is not asked
	// about explicitly named files. Nil excludes nothing.
	Exclude func(abs string, isDir bool) bool
	// NoGitignore disables .gitignore and .git/info/exclude.
	NoGitignore bool
	// Listed, when non-nil, is told each walked directory's entries before
	// Exclude is asked about any of them (a configuration loader need not
	// try to open files that are not there).
	Listed func(abs string, entries []fs.DirEntry)
}

// Walk expands args. Files come back in walk order (directory entries
// sorted), each real file once; errors name the path that failed.
//
// Symbolic links found in a directory are followed only when their target
// lies within one of args (its real path): a link that leaves them — a
// checked-out pull request can hold "netrc.py -> ~/.netrc" — is neither
// read nor written, and comes back in notices, as ripgrep and Ruff skip
// such links. A path named in args is followed wherever it points: the
// user asked for it.
func Walk(args []string, opts Options) (files []File, errs, notices []*Error) {
	w := &walker{opts: opts, seenFiles: map[string]bool{}, seenDirs: map[string]bool{}}
	for _, arg := range args {
		if real, err := filepath.EvalSymlinks(DirOfPattern(arg)); err == nil {
			if abs, err := filepath.Abs(real); err == nil {
				w.roots = append(w.roots, abs)
			}
		}
	}
	for _, arg := range args {
		w.arg(arg)
	}
	return w.files, w.errs, w.notices
}

type walker struct {
	opts      Options
	files     []File
	errs      []*Error
	notices   []*Error
	roots     []string        // real paths of the arguments
	seenFiles map[string]bool // real paths of files collected
	seenDirs  map[string]bool // real paths of directories walked (symlink loops)
}

// inRoots reports whether the real path p is one of the roots or below one.
func (w *walker) inRoots(p string) bool {
	for _, r := range w.roots {
		if within(p, r) {
			return true
		}
	}
	return false
}

// within reports whether the clean absolute path p is dir or below it.
func within(p, dir string) bool {
	if !strings.HasPrefix(p, dir) {
		return false
	}
	return len(p) == len(dir) || p[len(dir)] == filepath.Separator || strings.HasSuffix(dir, string(filepath.Separator))
}

func (w *walker) fail(p string, err error) {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already named
	}
	w.errs = append(w.errs, &Error{Path: filepath.ToSlash(p), Err: err})
}

func (w *walker) arg(arg string) {
	arg = DirOfPattern(arg)
	abs, err := filepath.Abs(arg)
	if err != nil {
		w.fail(arg, err)
		return
	}
	fi, err := os.Stat(abs)
	if err != nil {
		if _, lerr := os.Lstat(abs); lerr == nil && errors.Is(err, fs.ErrNotExist) {
			err = errors.New("dangling symbolic link")
		}
		w.fail(arg, err)
		return
	}
	display := filepath.ToSlash(filepath.Clean(arg))
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		w.fail(display, err)
		return
	}
	if !fi.IsDir() {
		w.file(display, abs, real, fi.Mode(), true)
		return
	}
	var ign []*Patterns
	if !w.opts.NoGitignore {
		ign = parentIgnores(abs)
	}
	w.dir(display, abs, real, ign, true)
}

// dirOfPattern turns the go command's pattern for a tree of packages
// ("./...", "svc/...") into its directory, which a walk covers already: Go
// users type `xylint check ./...`. A path that exists is left as it is.
func DirOfPattern(arg string) string {
	slash := filepath.ToSlash(arg)
	if slash != "..." && !strings.HasSuffix(slash, "/...") {
		return arg
	}
	if _, err := os.Lstat(arg); err == nil {
		return arg
	}
	if dir := strings.TrimSuffix(strings.TrimSuffix(slash, "..."), "/"); dir != "" {
		return filepath.FromSlash(dir)
	}
	return "."
}

// file collects a file; real is its path with every symbolic link resolved,
// by which a file reached twice is collected once.
func (w *walker) file(display, abs, real string, mode fs.FileMode, explicit bool) {
	if !mode.IsRegular() {
		w.fail(display, fmt.Errorf("not a regular file (%s)", kind(mode)))
		return
	}
	if w.seenFiles[real] {
		return
	}
	w.seenFiles[real] = true
	w.files = append(w.files, File{Path: display, Abs: abs, Real: real, Explicit: explicit})
}

func kind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "irregular file"
}

func (w *walker) wanted(name string) bool {
	for _, ext := range w.opts.Extensions {
		if strings.HasSuffix(name, ext) {
			return true
		}
	}
	return false
}

// alwaysSkipped are directories no option brings back: version control
// metadata.
var alwaysSkipped = map[string]bool{".git": true, ".hg": true, ".svn": true}

// dir walks a directory; real is its path with every symbolic link
// resolved. The real path of an entry that is not a link is real joined with
// its name: only links cost a filepath.EvalSymlinks (a system call per path
// element).
func (w *walker) dir(display, abs, real string, ign []*Patterns, root bool) {
	if w.seenDirs[real] {
		return // a symlink loop, or a directory reached twice
	}
	w.seenDirs[real] = true
	entries, err := os.ReadDir(abs)
	if err != nil {
		w.fail(display, err)
		return
	}
	if !root && isVirtualenv(entries) {
		return
	}
	if w.opts.Listed != nil {
		w.opts.Listed(abs, entries)
	}
	// Only a directory listing a .gitignore is worth an open: most have
	// none, and a failed open per directory was ~10% of the walk.
	if !w.opts.NoGitignore && HasEntry(entries, ".gitignore") {
		if ps := readIgnoreFile(filepath.Join(abs, ".gitignore"), abs); ps != nil {
			ign = append(ign[:len(ign):len(ign)], ps)
		}
	}
	for _, e := range entries {
		name := e.Name()
		isDir := e.IsDir()
		mode := e.Type()
		link := mode&fs.ModeSymlink != 0
		// The extension first: most files of a tree are not source files,
		// and matching each against every ignore and exclude pattern above
		// it was a third of the walk.
		if !isDir && !link && !w.wanted(name) {
			continue
		}
		childAbs := joinClean(abs, name)
		childDisplay := joinDisplay(display, name)
		if link {
			fi, err := os.Stat(childAbs)
			if err != nil {
				// Only a link that looks like a source file is worth an
				// error: a dangling "build -> /tmp/x" is nobody's business.
				if w.wanted(name) {
					if errors.Is(err, fs.ErrNotExist) {
						err = errors.New("dangling symbolic link")
					}
					w.fail(childDisplay, err)
				}
				continue
			}
			isDir, mode = fi.IsDir(), fi.Mode()
		}
		if isDir && alwaysSkipped[name] {
			continue
		}
		if !isDir && !w.wanted(name) {
			continue
		}
		if ignored(ign, childAbs, isDir) {
			continue
		}
		if w.opts.Exclude != nil && w.opts.Exclude(childAbs, isDir) {
			continue
		}
		childReal := joinClean(real, name)
		if link {
			if childReal, err = filepath.EvalSymlinks(childAbs); err != nil {
				w.fail(childDisplay, err)
				continue
			}
			if !w.inRoots(childReal) {
				// The link's own text, not where it resolves: the report
				// (a CI log, a SARIF upload) need not show the machine's
				// directories.
				to, _ := os.Readlink(childAbs)
				w.notices = append(w.notices, &Error{Path: childDisplay,
					Err: fmt.Errorf("skipped: symbolic link to %s, which leads out of the checked paths (links are followed only within them; name the target to check it)", to)})
				continue
			}
		}
		if isDir {
			w.dir(childDisplay, childAbs, childReal, ign, false)
			continue
		}
		w.file(childDisplay, childAbs, childReal, mode, false)
	}
}

// HasEntry reports whether entries (sorted by name, as os.ReadDir returns
// them) hold one named name.
func HasEntry(entries []fs.DirEntry, name string) bool {
	_, ok := slices.BinarySearchFunc(entries, name, func(e fs.DirEntry, n string) int { return strings.Compare(e.Name(), n) })
	return ok
}

func joinDisplay(dir, name string) string {
	if dir == "." {
		return name
	}
	if strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + "/" + name
}

// isVirtualenv recognises a virtual environment by its pyvenv.cfg (PEP 405),
// whatever the directory is called.
func isVirtualenv(entries []fs.DirEntry) bool {
	for _, e := range entries {
		if e.Name() == "pyvenv.cfg" && !e.IsDir() {
			return true
		}
	}
	return false
}

func ignored(ign []*Patterns, abs string, isDir bool) bool {
	out := false
	for _, ps := range ign {
		if ex, matched := ps.Match(abs, isDir); matched {
			out = ex
		}
	}
	return out
}

// parentIgnores loads the ignore files that apply to dir from above it: the
// repository's .git/info/exclude and the .gitignore files from the
// repository's top down to dir's parent. Outside a git repository only the
// .gitignore files inside the walked tree apply.
func parentIgnores(dir string) []*Patterns {
	top := ""
	for d := dir; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			top = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	if top == "" {
		return nil
	}
	var ign []*Patterns
	if ps := readIgnoreFile(filepath.Join(top, ".git", "info", "exclude"), top); ps != nil {
		ign = append(ign, ps)
	}
	// .gitignore files from top down to dir's parent (dir's own is read by
	// the walk).
	var chain []string
	if dir != top {
		for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
			chain = append(chain, d)
			if d == top || d == filepath.Dir(d) {
				break
			}
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if ps := readIgnoreFile(filepath.Join(chain[i], ".gitignore"), chain[i]); ps != nil {
			ign = append(ign, ps)
		}
	}
	return ign
}

// readIgnoreFile returns nil when the file is absent, unreadable or empty:
// an ignore file that cannot be read ignores nothing, as in git.
func readIgnoreFile(file, base string) *Patterns {
	b, err := os.ReadFile(file)
	if err != nil || len(b) == 0 {
		return nil
	}
	ps := CompilePatterns(base, strings.Split(string(b), "\n"))
	if len(ps.List) == 0 {
		return nil
	}
	return ps
}

// isClean reports whether filepath.Clean leaves p as it is, without
// Clean's byte-by-byte copy where the separator is a slash (relSlash asks it
// of every entry of a walk for every pattern list above it).
func isClean(p string) bool {
	if filepath.Separator == '/' && p != "" && p[0] != '.' && p[len(p)-1] != '/' &&
		!strings.Contains(p, "/.") && !strings.Contains(p, "//") {
		// A "." or ".." element would start p or follow a slash.
		return true
	}
	return p != "" && filepath.Clean(p) == p
}

// joinClean is filepath.Join(dir, name) for a clean dir and a name without
// separators (a directory entry's): the result is clean, so Join's Clean
// of the whole path is not needed.
func joinClean(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// relSlash is target relative to base, slash-separated; ok is false when
// target is not inside base.
func relSlash(base, target string) (string, bool) {
	// The walk asks about every entry against every pattern list above it:
	// take the common case (clean paths, target below base) without
	// filepath.Rel's allocations.
	if len(target) > len(base)+1 && target[:len(base)] == base && target[len(base)] == filepath.Separator &&
		isClean(target) && isClean(base) {
		return filepath.ToSlash(target[len(base)+1:]), true
	}
	rel, err := filepath.Rel(base, target)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}
