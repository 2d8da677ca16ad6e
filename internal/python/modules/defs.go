package modules

// Defs holds what a rule knows about the names that the run's files define
// at module level (constants, functions, apps), for the project phase: a
// qualified name another file uses is resolved with the Index, as an import
// is, and looked up among the definitions of the file it lands in.
type Defs[T any] struct {
	x      *Index
	byFile map[string]map[string]T
}

// NewDefs starts an empty table whose lookups resolve through x (nil: no
// name resolves).
func NewDefs[T any](x *Index) *Defs[T] {
	return &Defs[T]{x: x, byFile: map[string]map[string]T{}}
}

// Add records that the file at path (as given to New) defines name as v; a
// later Add of the same name replaces it.
func (d *Defs[T]) Add(path, name string, v T) {
	m := d.byFile[path]
	if m == nil {
		m = map[string]T{}
		d.byFile[path] = m
	}
	m[name] = v
}

// Lookup finds the definition that qualified ("shared.config.ORIGINS")
// stands for in the file from, and the path of the file that defines it.
// The name after the module part must be one name of that module ("ORIGINS",
// not "settings.ORIGINS").
func (d *Defs[T]) Lookup(from, qualified string) (v T, path string, ok bool) {
	file, rest, found := d.x.Split(from, qualified)
	if !found || rest == "" {
		return v, "", false
	}
	v, ok = d.byFile[file][rest]
	if !ok {
		return v, "", false
	}
	return v, file, true
}
