package project

import (
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// DefinitionRef is the reference for the identifier id when what it names
// may be defined in the project: a name the file imports (by its qualified
// name) or a function or class the file defines at module level; the zero
// Ref for locals, parameters, assignments and names the file does not bind.
func DefinitionRef(r *names.Resolver, id syntax.Node) Ref {
	if !id.Is(syntax.KindIdentifier) {
		return Ref{}
	}
	b := r.Lookup(id)
	switch {
	case b == nil:
		return Ref{}
	case b.Kind == names.Import:
		return ImportedRef(b.Qualified)
	case b.Kind == names.Definition && b.Scope.Kind == names.ModuleScope:
		return LocalRef(b.Name)
	}
	return Ref{}
}
