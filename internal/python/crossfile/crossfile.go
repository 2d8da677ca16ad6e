// Package crossfile finds, in a rule's project phase, the file of the
// project that defines a name another file imports: "shared.config.ORIGINS"
// imported by one service is the ORIGINS that shared/config.py defines.
//
// Module names are not always known exactly (a service run from its own
// folder imports `routers.x` where the project root would call it
// `service.routers.x`), so a definition matches a qualified name when its
// file's module is the name's module, or when its file's path, read as a
// dotted name, ends with the name's module. Among several matches the one
// whose file shares the longest directory prefix with the importing file
// wins: the service's own module before another service's namesake.
package crossfile

import (
	"path"
	"strings"
)

// Index maps qualified names to the definitions of one kind that the
// project's files exported.
type Index[T any] struct {
	byName map[string][]entry[T]
}

type entry[T any] struct {
	path, module, dotted string
	v                    T
}

// Add records that the file at path (slash-separated), whose module name is
// module ("" when unknown), defines name at module level as v.
func (x *Index[T]) Add(filePath, module, name string, v T) {
	if x.byName == nil {
		x.byName = map[string][]entry[T]{}
	}
	x.byName[name] = append(x.byName[name], entry[T]{filePath, module, DottedPath(filePath), v})
}

// Len is the number of definitions.
func (x *Index[T]) Len() int {
	n := 0
	for _, es := range x.byName {
		n += len(es)
	}
	return n
}

// Lookup finds the definition that qualified ("pkg.mod.NAME", or ".mod.NAME"
// for a relative import made where the module name was unknown) stands for,
// seen from the file at fromPath. It returns the definition and its file's
// path.
func (x *Index[T]) Lookup(fromPath, qualified string) (v T, defPath string, ok bool) {
	q := Absolute(fromPath, qualified)
	i := strings.LastIndexByte(q, '.')
	if i <= 0 {
		return v, "", false
	}
	mod, name := q[:i], q[i+1:]
	best, bestScore := -1, -1
	es := x.byName[name]
	for k, e := range es {
		score := -1
		switch {
		case e.module == mod:
			score = 1 << 20
		case e.dotted == mod || strings.HasSuffix(e.dotted, "."+mod):
			score = 0
		default:
			continue
		}
		score += commonDirPrefix(fromPath, e.path)
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	if best < 0 {
		return v, "", false
	}
	return es[best].v, es[best].path, true
}

// Absolute turns a relative qualified name (".config.X", "..pkg.X"), which
// the name resolver produces for relative imports in a file whose module is
// unknown, into a dotted name from the importing file's directory. Other
// names are returned as they are.
func Absolute(fromPath, qualified string) string {
	if !strings.HasPrefix(qualified, ".") {
		return qualified
	}
	rest := strings.TrimLeft(qualified, ".")
	dir := path.Dir(fromPath)
	for k := len(qualified) - len(rest); k > 1; k-- {
		dir = path.Dir(dir)
	}
	if dir == "." || dir == "/" || dir == "" {
		return rest
	}
	return DottedPath(dir) + "." + rest
}

// DottedPath reads a slash-separated path as a dotted module name:
// "svc/app/config.py" → "svc.app.config", "svc/pkg/__init__.py" → "svc.pkg".
func DottedPath(p string) string {
	p = strings.TrimPrefix(path.Clean(p), "./")
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".py"), ".pyi")
	p = strings.TrimSuffix(p, "/__init__")
	p = strings.TrimPrefix(p, "/")
	return strings.ReplaceAll(p, "/", ".")
}

// commonDirPrefix counts the leading directories two paths share.
func commonDirPrefix(a, b string) int {
	as := strings.Split(path.Dir(a), "/")
	bs := strings.Split(path.Dir(b), "/")
	n := 0
	for n < len(as) && n < len(bs) && as[n] == bs[n] {
		n++
	}
	return n
}
