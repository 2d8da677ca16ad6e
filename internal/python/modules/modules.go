// Package modules names the Python files of one analysis run as modules and
// answers the question an import asks: which file does `import a.b` load,
// seen from this file?
//
// It works on the list of paths alone (slash-separated, as the caller shows
// them; no file system access), so that it serves files read from disk and
// files fetched from GitHub alike.
//
// # Module names
//
// A file's module name is its path relative to its root, dotted: the root
// is the parent of the outermost directory of its `__init__.py` chain
// (`backend/app/api/deps.py` with `backend/app/__init__.py` and
// `backend/app/api/__init__.py` is `app.api.deps`, root `backend`), or the
// file's own directory when that has no `__init__.py` (a service's
// `main.py` is `main`, root the service's directory). That is the name the
// file has when its service runs (`uvicorn main:app` in the service's
// directory), and the one relative imports are resolved against. A `src/`
// layout needs nothing special: `src/pkg/__init__.py` makes `src` the root.
//
// # Resolving imports
//
// A module can be importable under several names: a platform's
// `shared/auth.py` is `shared.auth` from the platform's root, where every
// service's directory is also a root of its own (the service's container
// copies `shared/` next to its `main.py`). Resolve therefore looks a module
// up the way a sys.path would, from the importing file: in the file's own
// root first, then in each directory above it, and in the `src/` folder of
// each (so `from routers.campaigns import router` in a service's main.py
// finds the service's `routers/campaigns.py`, and `from shared.auth import
// verify_api_key` finds the platform's `shared/auth.py`). The innermost
// match wins, as the service's own directory comes first on its sys.path.
// Namespace packages (folders without `__init__.py`) are found the same way.
package modules

import (
	"path"
	"strings"
	"sync"

	"github.com/xynergy/xylint/internal/pyident"
)

// Index holds the module layout of a set of Python files. A nil *Index
// knows no file: every name is external to it.
type Index struct {
	files   map[string]string // cleaned path → the path as given
	initDir map[string]bool   // directories that have an __init__.py(i)
	dirs    map[string]bool   // directories that hold an indexed file, at any depth
	// names are the names in the indexed files' paths (directories' names
	// and files' stems): a module whose first name is not one of them is
	// none of the index's, wherever it is looked for (most imports: the
	// standard library's, third-party packages).
	names map[string]bool

	// Split's answers, by the importing file's root and the name: the
	// rules' project phases ask the same names again and again (once per
	// fix round of a file), and an answer costs a look-up of every prefix
	// of the name in every directory above the file. Safe for concurrent
	// use, as the Index is.
	roots  sync.Map // path as given → root
	splits sync.Map // rootName → splitAnswer
}

type rootName struct{ root, name string }

type splitAnswer struct {
	file, rest string
	ok         bool
}

// New indexes paths (slash-separated; other files than .py/.pyi are
// ignored).
func New(paths []string) *Index {
	x := &Index{files: make(map[string]string, len(paths)), initDir: map[string]bool{}, dirs: map[string]bool{}, names: map[string]bool{}}
	for _, p := range paths {
		c := clean(p)
		stem, ok := stem(c)
		if !ok {
			continue
		}
		x.files[c] = p
		x.names[stem] = true
		for d := path.Dir(c); d != "." && d != "/" && !x.dirs[d]; d = path.Dir(d) {
			x.dirs[d] = true
			x.names[path.Base(d)] = true
		}
		if stem == "__init__" {
			x.initDir[path.Dir(c)] = true
		}
	}
	return x
}

func clean(p string) string {
	return strings.TrimPrefix(path.Clean(strings.ReplaceAll(p, "\\", "/")), "./")
}

// stem is the file's name without .py or .pyi.
func stem(p string) (string, bool) {
	b := path.Base(p)
	switch {
	case strings.HasSuffix(b, ".py"):
		return strings.TrimSuffix(b, ".py"), true
	case strings.HasSuffix(b, ".pyi"):
		return strings.TrimSuffix(b, ".pyi"), true
	}
	return "", false
}

// HasFile reports whether the Python file at p is one of the index's.
func (x *Index) HasFile(p string) bool {
	if x == nil {
		return false
	}
	_, ok := x.files[clean(p)]
	return ok
}

// HasDir reports whether the directory d holds one of the index's files,
// at any depth.
func (x *Index) HasDir(d string) bool {
	return x != nil && x.dirs[clean(d)]
}

// Module returns the file's dotted module name, or "" when the file is not
// a Python file or its name is not an identifier ("my-script.py").
func (x *Index) Module(p string) string {
	name, _ := x.module(clean(p))
	return name
}

// Root returns the directory the file's module name is relative to ("."
// for the top).
func (x *Index) Root(p string) string {
	_, root := x.module(clean(p))
	return root
}

func (x *Index) module(c string) (name, root string) {
	s, ok := stem(c)
	if !ok || x == nil {
		return "", path.Dir(c)
	}
	var parts []string
	if s != "__init__" {
		parts = append(parts, s)
	}
	dir := path.Dir(c)
	for x.initDir[dir] && dir != "." && dir != "/" && pyident.IsIdentifier(path.Base(dir)) {
		parts = append(parts, path.Base(dir))
		dir = path.Dir(dir)
	}
	if len(parts) == 0 {
		return "", dir
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	for _, s := range parts {
		if !pyident.IsIdentifier(s) {
			return "", dir
		}
	}
	return strings.Join(parts, "."), dir
}

// Resolve returns the path (as given to New) of the file that `import
// module` loads when from imports it, and false when no indexed file is
// that module.
func (x *Index) Resolve(from, module string) (string, bool) {
	if x == nil {
		return "", false
	}
	return x.resolveIn(x.root(from), module)
}

// root is Root(from), remembered.
func (x *Index) root(from string) string {
	if r, ok := x.roots.Load(from); ok {
		return r.(string)
	}
	_, root := x.module(clean(from))
	x.roots.Store(from, root)
	return root
}

// resolveIn is Resolve for a file whose root is root: the answer depends
// on the importing file only through its root.
func (x *Index) resolveIn(root, module string) (string, bool) {
	if module == "" || strings.HasPrefix(module, ".") {
		return "", false
	}
	if first, _, _ := strings.Cut(module, "."); !x.names[first] {
		return "", false
	}
	rel := strings.ReplaceAll(module, ".", "/")
	for dir := root; ; dir = path.Dir(dir) {
		if p, ok := x.lookIn(dir, rel); ok {
			return p, true
		}
		if path.Base(dir) != "src" {
			if p, ok := x.lookIn(path.Join(dir, "src"), rel); ok {
				return p, true
			}
		}
		if dir == "." || dir == "/" || dir == path.Dir(dir) {
			return "", false
		}
	}
}

func (x *Index) lookIn(dir, rel string) (string, bool) {
	base := path.Join(dir, rel)
	for _, cand := range [...]string{base + ".py", base + "/__init__.py", base + ".pyi", base + "/__init__.pyi"} {
		if p, ok := x.files[cand]; ok {
			return p, true
		}
	}
	return "", false
}

// Importable reports whether `import module` in the file from finds a
// file of the index: a module, a regular package, or a namespace package
// (a directory of indexed files without an __init__.py), looked up as
// Resolve does.
func (x *Index) Importable(from, module string) bool {
	if x == nil || module == "" || strings.HasPrefix(module, ".") {
		return false
	}
	if _, ok := x.Resolve(from, module); ok {
		return true
	}
	rel := strings.ReplaceAll(module, ".", "/")
	for dir := x.root(from); ; dir = path.Dir(dir) {
		if x.dirs[path.Join(dir, rel)] || path.Base(dir) != "src" && x.dirs[path.Join(dir, "src", rel)] {
			return true
		}
		if dir == "." || dir == "/" || dir == path.Dir(dir) {
			return false
		}
	}
}

// Split resolves a qualified name used in from ("routers.campaigns.router",
// "shared.auth.verify_api_key") into the file of its longest prefix that is
// a module, and the rest ("router", "verify_api_key"; "" when the whole
// name is a module). ok is false when no prefix is an indexed module (the
// name is external: "fastapi.Depends").
func (x *Index) Split(from, qualified string) (file, rest string, ok bool) {
	if x == nil {
		return "", "", false
	}
	key := rootName{x.root(from), qualified}
	if a, hit := x.splits.Load(key); hit {
		a := a.(splitAnswer)
		return a.file, a.rest, a.ok
	}
	file, rest, ok = x.split(key.root, qualified)
	x.splits.Store(key, splitAnswer{file, rest, ok})
	return file, rest, ok
}

func (x *Index) split(root, qualified string) (file, rest string, ok bool) {
	// Each name of a module is a directory's or a file's of the index: no
	// prefix longer than the longest made of such names can be one
	// ("polar.models.User.save": "User" is no file's, so "polar.models"
	// is the first prefix looked up).
	n := 0
	for i := 0; i < len(qualified); {
		end := strings.IndexByte(qualified[i:], '.')
		if end < 0 {
			end = len(qualified)
		} else {
			end += i
		}
		if !x.names[qualified[i:end]] {
			break
		}
		n, i = end, end+1
	}
	if n == 0 {
		return "", "", false
	}
	q := qualified[:n]
	for {
		if p, found := x.resolveIn(root, q); found {
			return p, strings.TrimPrefix(strings.TrimPrefix(qualified, q), "."), true
		}
		i := strings.LastIndexByte(q, '.')
		if i < 0 {
			return "", "", false
		}
		q = q[:i]
	}
}
