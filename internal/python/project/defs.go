package project

import "github.com/xynergy/xylint/internal/python/modules"

// Defs holds what a rule knows about the names the run's files define at
// module level (constants, functions, apps, what a factory function
// returns), for the project phase: a reference another file makes is
// resolved with the module layout, as an import is, and looked up among
// the definitions of the file it lands in.
type Defs[T any] struct {
	x      *modules.Index
	byFile map[string]map[defKey]T
}

// defKey is a definition's name, and whether it stands for what a call of
// the name returns.
type defKey struct {
	name string
	call bool
}

// NewDefs starts an empty table whose lookups resolve through x (nil: no
// imported name resolves).
func NewDefs[T any](x *modules.Index) *Defs[T] {
	return &Defs[T]{x: x, byFile: map[string]map[defKey]T{}}
}

// Add records that the file at path (as given to modules.New) defines
// name as v — with call, what a call of name returns (a factory's app); a
// later Add of the same name replaces it.
func (d *Defs[T]) Add(path, name string, call bool, v T) {
	m := d.byFile[path]
	if m == nil {
		m = map[defKey]T{}
		d.byFile[path] = m
	}
	m[defKey{name, call}] = v
}

// Lookup finds the definition r stands for in the file from, and the path
// of the file that defines it: a Local reference in from itself, an
// Imported one ("shared.config.ORIGINS") in the file its module part
// names, whose rest must be one name of that module ("ORIGINS", not
// "settings.ORIGINS"). Unbound and Object references define nothing.
func (d *Defs[T]) Lookup(from string, r Ref) (v T, path string, ok bool) {
	file, name := from, r.Name
	switch r.Kind {
	case Local:
	case Imported:
		var rest string
		var found bool
		file, rest, found = d.x.Split(from, r.Name)
		if !found || rest == "" {
			return v, "", false
		}
		name = rest
	default:
		return v, "", false
	}
	v, ok = d.byFile[file][defKey{name, r.Call}]
	if !ok {
		return v, "", false
	}
	return v, file, true
}
