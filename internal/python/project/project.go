// Package project is the Python project model the rules that look across
// files share. A file pass sees one file; what it learns about the names
// other files may use it exports as facts (pyanalysis.Fact), and the
// project phase puts the facts of every file together. This package holds
// the pieces of that model every such rule needs:
//
//   - Ref, the one typed reference a fact makes to a Python object —
//     imported from another module, defined in the file, unbound, one of
//     the file's objects — possibly called or an attribute of it;
//   - Defs, a table of what each file defines at module level, in which a
//     reference made in one file is resolved as Python would import it (the
//     module layout is internal/python/modules' Index);
//
// and it is what internal/python/roles, the model of each program's role
// (service code, command-line program, script, test, example), builds on.
package project

import (
	"strconv"
	"strings"
)

// RefKind says how a Ref names its object.
type RefKind uint8

const (
	// Imported: a qualified name ("shared.auth.verify_api_key"), found
	// through the module layout from the file that holds the reference (an
	// import, or a name qualified with a module).
	Imported RefKind = iota + 1
	// Local: a name the file that holds the reference defines at module
	// level, dotted for what a class or function defines inside it
	// ("Checker.__call__").
	Local
	// Unbound: a name the file does not bind (a builtin, a star import's),
	// judged by its name alone.
	Unbound
	// Object: one of the file's objects by number (an app or router built
	// inside a function, which no name outside reaches).
	Object
)

// Ref is a reference a fact makes to a Python object, resolved in the
// project phase. The zero Ref refers to nothing.
type Ref struct {
	Kind RefKind
	// Name is the object's name (see RefKind); for an attribute of a
	// call's result it keeps the call's parentheses ("get_settings().PREFIX",
	// which no table defines).
	Name string
	// Index is an Object reference's object.
	Index int
	// Call: the reference is to the value a call of the object returns
	// ("fastapi.security.HTTPBearer()": an instance).
	Call bool
}

// ImportedRef, LocalRef, UnboundRef and ObjectRef make references of each
// kind.
func ImportedRef(qualified string) Ref { return Ref{Kind: Imported, Name: qualified} }

// LocalRef: see ImportedRef.
func LocalRef(name string) Ref { return Ref{Kind: Local, Name: name} }

// UnboundRef: see ImportedRef.
func UnboundRef(name string) Ref { return Ref{Kind: Unbound, Name: name} }

// ObjectRef: see ImportedRef.
func ObjectRef(i int) Ref { return Ref{Kind: Object, Index: i} }

// IsZero reports whether r refers to nothing.
func (r Ref) IsZero() bool { return r.Kind == 0 }

// Attr is the reference to attribute a of r's object ("shared.auth" →
// "shared.auth.verify_api_key"); the zero Ref for an Object (its
// attributes are not tracked) or the zero Ref.
func (r Ref) Attr(a string) Ref {
	if r.IsZero() || r.Kind == Object {
		return Ref{}
	}
	name := r.Name
	if r.Call {
		name += "()"
	}
	return Ref{Kind: r.Kind, Name: name + "." + a}
}

// Called is the reference to the value a call of r's object returns.
func (r Ref) Called() Ref {
	if r.IsZero() {
		return r
	}
	if r.Call {
		r.Name += "()" // a call of a call's result
	}
	r.Call = true
	return r
}

// Uncalled undoes Called: the reference to the object r calls.
func (r Ref) Uncalled() Ref {
	if !r.Call {
		return r
	}
	if n, ok := strings.CutSuffix(r.Name, "()"); ok {
		r.Name = n
		return r
	}
	r.Call = false
	return r
}

// Split undoes Attr: the reference to the object whose attribute r names,
// and the attribute ("settings.PREFIX" → "settings", "PREFIX";
// "Settings().PREFIX" → what calling Settings returns, "PREFIX"). ok is
// false for a name without an attribute and for an Object. The attribute
// of a call's result keeps its parentheses ("make().PREFIX()" → "make()",
// "PREFIX()").
func (r Ref) Split() (parent Ref, attr string, ok bool) {
	if r.IsZero() || r.Kind == Object {
		return Ref{}, "", false
	}
	s := r.Name
	if r.Call {
		s += "()"
	}
	i := strings.LastIndexByte(s, '.')
	if i < 0 {
		return Ref{}, "", false
	}
	parent = Ref{Kind: r.Kind, Name: s[:i]}
	if n, called := strings.CutSuffix(parent.Name, "()"); called {
		parent.Name, parent.Call = n, true
	}
	return parent, s[i+1:], true
}

// Last is the last dotted part of the object's name ("verify_api_key" of
// "shared.auth.verify_api_key"), the object's number for an Object.
func (r Ref) Last() string {
	if r.Kind == Object {
		return strconv.Itoa(r.Index)
	}
	return r.Name[strings.LastIndexByte(r.Name, '.')+1:]
}

// String writes r for messages and tests: the qualified name of an
// Imported reference, ":name" for a Local one, "?name" for an Unbound
// one, "%3" for an Object, with "()" after a call.
func (r Ref) String() string {
	var s string
	switch r.Kind {
	case Imported:
		s = r.Name
	case Local:
		s = ":" + r.Name
	case Unbound:
		s = "?" + r.Name
	case Object:
		s = "%" + strconv.Itoa(r.Index)
	default:
		return ""
	}
	if r.Call {
		s += "()"
	}
	return s
}
