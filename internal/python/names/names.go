// Package names resolves names within one Python file: which binding an
// identifier refers to, and the qualified name an expression stands for
// ("builtins.print", "pprint.pprint", "logging.getLogger",
// "google.cloud.bigquery.Client").
//
// The model is Python's: module, class, function (also lambda) and
// comprehension scopes; a name bound anywhere in a function is local to it
// unless declared global or nonlocal; class scopes are not visible from the
// functions nested in them; unbound names are builtins. Resolution is
// flow-insensitive with one concession to order: a reference in the scope
// that binds the name sees the last binding before it (so a module-level
// `print(...)` before `print = log.info` is still the builtin), and a
// reference from a nested scope sees the scope's last binding.
//
// Bindings come from assignments (also augmented, walrus, for targets,
// with/except `as` targets), imports, def and class statements and
// parameters. Not modelled: `from m import *` (a star import does not shadow
// builtins here), match-statement captures, and `del`.
package names

import (
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/syntax"
)

// BindingKind says how a name was bound.
type BindingKind uint8

const (
	Import     BindingKind = iota + 1 // import x / from m import x
	Definition                        // def / class
	Parameter                         // a parameter of a function or lambda
	Assignment                        // =, +=, :=, for/with/except targets
)

// Binding is one place a name is bound.
type Binding struct {
	Name  string
	Kind  BindingKind
	Node  syntax.Node // the identifier (or import clause) that binds the name
	Scope *Scope
	// Qualified is, for an import, the qualified name the binding stands for:
	// "a.b" for `import a.b as c`, "a" for `import a.b` (which binds a),
	// "m.x" for `from m import x`, "pkg.x" or ".x" for relative imports.
	Qualified string
	// Value is, for `name = value` with a single target, the value; the zero
	// Node otherwise.
	Value syntax.Node
	// TypeOnly is true for a binding made only for type checkers: in the
	// body of `if TYPE_CHECKING:` (also `typing.TYPE_CHECKING`), `if
	// False:` or `if 0:`, which Python never runs. Code that runs cannot
	// rely on it.
	TypeOnly bool
}

// RuntimeBindings returns the bindings of name in s that exist when the
// code runs (TypeOnly ones left out), in source order.
func (s *Scope) RuntimeBindings(name string) []*Binding {
	bs := s.bindings[name]
	for _, b := range bs {
		if b.TypeOnly {
			out := make([]*Binding, 0, len(bs))
			for _, b := range bs {
				if !b.TypeOnly {
					out = append(out, b)
				}
			}
			return out
		}
	}
	return bs
}

// ScopeKind is the kind of a scope.
type ScopeKind uint8

const (
	ModuleScope ScopeKind = iota + 1
	ClassScope
	FunctionScope // def and lambda
	ComprehensionScope
)

// Scope is one scope of the file.
type Scope struct {
	Kind     ScopeKind
	Node     syntax.Node // module, function_definition, lambda, class_definition or comprehension
	Parent   *Scope
	bindings map[string][]*Binding // in source order
	global   map[string]bool
	nonlocal map[string]bool
}

// Bindings returns the bindings of name in s, in source order.
func (s *Scope) Bindings(name string) []*Binding { return s.bindings[name] }

func (s *Scope) add(b *Binding) {
	if s.bindings == nil {
		s.bindings = map[string][]*Binding{}
	}
	b.Scope = s
	s.bindings[b.Name] = append(s.bindings[b.Name], b)
}

// Resolver answers name questions for one file.
type Resolver struct {
	// Module is the file's dotted module name ("app.api.routes") or "" when
	// unknown; relative imports are resolved against it.
	Module string
	module *Scope
	scopes map[int32]*Scope // by the scope node's index
	// Imports lists every import binding in source order.
	Imports []*Binding
	// StarImports are the modules the module scope star-imports (`from
	// .base import *`), resolved as Imports are, in source order: the
	// names they bind are not modelled (see the package doc), but a
	// cross-file analysis can look them up in those modules.
	StarImports []string
	// runtimeImports are the modules of the import statements that run
	// (not under TYPE_CHECKING), in source order, with repeats.
	runtimeImports []string
	// qualifiedAt remembers QualifiedName's answers once the resolver is
	// finished (bindings may be added before): by node index, 1 + the
	// answer's index in answers, 0 when not asked yet; made on the first
	// ask, for the tree's nodes. The rules and the role model ask about the
	// same names many times over (every call's function, by several
	// matchers each); a slice, not a map: no hashing, no growing.
	qualifiedAt []int32
	answers     []qualifiedName
	finished    bool
	nodes       int // the tree's
}

type qualifiedName struct {
	name string
	ok   bool
}

// ModuleScope is the file's module scope.
func (r *Resolver) ModuleScope() *Scope { return r.module }

// ScopeAt returns the innermost scope in which the expression n is
// evaluated. A function's decorators, default values and annotations, and a
// class's bases, belong to the enclosing scope.
func (r *Resolver) ScopeAt(n syntax.Node) *Scope {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if !opensScope(p.Kind()) {
			continue
		}
		s := r.scopes[int32(p.Index())]
		if s == nil {
			continue
		}
		switch s.Kind {
		case FunctionScope:
			if child.Field() == syntax.FieldBody || p.Is(syntax.KindLambda) && child.Is(syntax.KindLambdaParameters) {
				return s
			}
			if child.Is(syntax.KindParameters) && isParameterName(n) {
				return s
			}
		case ClassScope:
			if child.Field() == syntax.FieldBody {
				return s
			}
		default:
			return s
		}
	}
	return r.module
}

// isParameterName reports whether n is the name of a parameter (not inside
// its default value or annotation).
func isParameterName(n syntax.Node) bool {
	p := n.Parent()
	switch p.Kind() {
	case syntax.KindParameters, syntax.KindLambdaParameters, syntax.KindListSplatPattern, syntax.KindDictSplatPattern:
		return true
	case syntax.KindTypedParameter:
		return n.Field() != syntax.FieldType
	case syntax.KindDefaultParameter, syntax.KindTypedDefaultParam:
		return n.Field() == syntax.FieldName
	}
	return false
}

// Lookup returns the binding the identifier id refers to, or nil when it is
// not bound in the file (a builtin, or undefined).
func (r *Resolver) Lookup(id syntax.Node) *Binding {
	if !id.Is(syntax.KindIdentifier) {
		return nil
	}
	return r.lookup(id.Text(), id.Start(), r.ScopeAt(id))
}

func (r *Resolver) lookup(name []byte, at int, s *Scope) *Binding {
	first := true
	for ; s != nil; s = s.Parent {
		if !first && s.Kind == ClassScope {
			continue
		}
		if s.global[string(name)] {
			return last(r.module.bindings[string(name)])
		}
		if bs := s.bindings[string(name)]; len(bs) > 0 && !s.nonlocal[string(name)] {
			if !first {
				return last(bs)
			}
			// The reference's own scope: the last binding before it.
			i := len(bs) - 1
			for i >= 0 && bs[i].Node.Start() > at {
				i--
			}
			if i >= 0 {
				return bs[i]
			}
			if s.Kind == FunctionScope || s.Kind == ComprehensionScope {
				// Bound later in the function: a local all the same.
				return bs[0]
			}
		}
		first = false
	}
	return nil
}

func last(bs []*Binding) *Binding {
	if len(bs) == 0 {
		return nil
	}
	return bs[len(bs)-1]
}

// maxAliasDepth bounds how many `x = y` assignments QualifiedName follows.
const maxAliasDepth = 4

// QualifiedName returns the qualified name the expression n (an identifier
// or a dotted attribute chain such as a.b.c) refers to: "builtins.print"
// for an unshadowed print, "pprint.pprint" for `pp` after `from pprint
// import pprint as pp`, "logging.getLogger" for `logging.getLogger`. A name
// defined at module level gives Module+"."+name when the module is known. It
// follows simple aliases (`show = pprint.pprint`, bound once in its scope).
// The second result is false when n does not stand for a qualified name (a
// local variable, a call result, ...).
func (r *Resolver) QualifiedName(n syntax.Node) (string, bool) {
	n = n.Unparen()
	if !r.finished || n.IsZero() || n.Index() >= r.nodes {
		return r.qualify(n, 0)
	}
	if r.qualifiedAt == nil {
		r.qualifiedAt = make([]int32, r.nodes)
	}
	i := n.Index()
	if a := r.qualifiedAt[i]; a != 0 {
		q := r.answers[a-1]
		return q.name, q.ok
	}
	name, ok := r.qualify(n, 0)
	r.answers = append(r.answers, qualifiedName{name, ok})
	r.qualifiedAt[i] = int32(len(r.answers))
	return name, ok
}

func (r *Resolver) qualify(n syntax.Node, depth int) (string, bool) {
	switch n.Kind() {
	case syntax.KindIdentifier:
		b := r.Lookup(n)
		if b == nil {
			if name := string(n.Text()); builtins[name] {
				return "builtins." + name, true
			}
			return "", false
		}
		return r.bindingName(b, depth)
	case syntax.KindAttribute:
		obj := n.ChildByField(syntax.FieldObject).Unparen()
		attr := n.ChildByField(syntax.FieldAttribute)
		if attr.IsZero() {
			return "", false
		}
		q, ok := r.qualify(obj, depth)
		if !ok {
			return "", false
		}
		return q + "." + string(attr.Text()), true
	}
	return "", false
}

func (r *Resolver) bindingName(b *Binding, depth int) (string, bool) {
	switch b.Kind {
	case Import:
		return b.Qualified, true
	case Assignment:
		if !b.Value.IsZero() && depth < maxAliasDepth && len(b.Scope.bindings[b.Name]) == 1 {
			if v := b.Value.Unparen(); v.Is(syntax.KindIdentifier) || v.Is(syntax.KindAttribute) {
				if q, ok := r.qualify(v, depth+1); ok {
					return q, true
				}
			}
		}
	}
	if b.Scope.Kind == ModuleScope && r.Module != "" && b.Kind != Parameter {
		return r.Module + "." + b.Name, true
	}
	return "", false
}

// Refers reports whether the expression n refers to one of the qualified
// names qs.
func (r *Resolver) Refers(n syntax.Node, qs ...string) bool {
	q, ok := r.QualifiedName(n)
	return ok && slices.Contains(qs, q)
}

// IsBuiltin reports whether the identifier n refers to the builtin of its
// name (it is not shadowed in the file).
func (r *Resolver) IsBuiltin(n syntax.Node) bool {
	return n.Is(syntax.KindIdentifier) && builtins[string(n.Text())] && r.Lookup(n) == nil
}

// ImportsModule reports whether the file imports module m or something from
// it (m itself or any submodule).
func (r *Resolver) ImportsModule(m string) bool {
	for _, b := range r.Imports {
		if b.Qualified == m || strings.HasPrefix(b.Qualified, m+".") {
			return true
		}
	}
	return false
}
