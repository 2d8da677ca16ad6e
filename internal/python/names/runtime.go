package names

import (
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Runtime returns what the file needs when it runs (lint.Runtime): the
// modules its import statements load when they run, and the references to
// names that nothing binds at run time. The fix engine compares it before
// and after each round of fixes: a fix must add no unbound name (a logger
// that exists only under `if TYPE_CHECKING:`, a getter imported only for
// type checkers, an import deleted while still in use), and every import it
// adds must resolve.
//
// A reference is an identifier read as a variable: not an attribute name
// (x.attr), a keyword argument's name, a parameter, an assignment target,
// a def or class name, a name in an import, global or nonlocal statement,
// or a match pattern (left out: captures and class names look alike). It is
// unbound when Lookup finds no binding and it is not a builtin or a dunder
// (__name__, __file__, __class__, ...), or when every binding of the name in
// the scope Lookup finds is TypeOnly. Resolution is flow-insensitive (see
// the package documentation), with one exception: a name bound only on
// some paths through if and try statements (BoundOnEveryPath) — `import
// logging as _log` under `if flag:`, or in a try whose `except
// ImportError:` binds something else — is unbound for the references those
// paths do not cover, as when Python runs them. A fix compares counts, so a
// file that already reads such a name keeps its references; a fix must not
// add one.
func (r *Resolver) Runtime(t *syntax.Tree) *lint.Runtime {
	rt := r.RuntimeImports()
	rt.ImportsOnly = false
	// Code that never runs (the bodies of `if TYPE_CHECKING:`) needs
	// nothing; names a match statement captures are bound (the resolver
	// does not model captures).
	var neverRuns [][2]int
	var captured map[string]bool
	for i, n := 0, t.Len(); i < n; i++ {
		switch x := t.Node(i); x.Kind() {
		case syntax.KindIfStatement:
			if NeverRuns(x.ChildByField(syntax.FieldCondition)) {
				if body := x.ChildByField(syntax.FieldConsequence); !body.IsZero() {
					neverRuns = append(neverRuns, [2]int{body.Start(), body.End()})
				}
			}
		case syntax.KindCasePattern:
			for id := range x.Descendants() {
				if id.Is(syntax.KindIdentifier) {
					if captured == nil {
						captured = map[string]bool{}
					}
					captured[string(id.Text())] = true
				}
			}
		}
	}
	for i, n := 0, t.Len(); i < n; i++ {
		id := t.Node(i)
		if !id.Is(syntax.KindIdentifier) || !isReference(id) {
			continue
		}
		if r.boundAtRuntime(id) || captured[string(id.Text())] || inRanges(neverRuns, id.Start()) {
			continue
		}
		if rt.Unbound == nil {
			rt.Unbound = map[string]int{}
		}
		rt.Unbound[string(id.Text())]++
	}
	return rt
}

// RuntimeImports is Runtime without the unbound names (ImportsOnly): the
// imports cost a sort, the names a lookup per identifier.
func (r *Resolver) RuntimeImports() *lint.Runtime {
	return &lint.Runtime{Imports: slices.Compact(slices.Sorted(slices.Values(r.runtimeImports))), ImportsOnly: true}
}

func (r *Resolver) boundAtRuntime(id syntax.Node) bool {
	name := string(id.Text())
	b := r.Lookup(id)
	if b == nil {
		return builtins[name] || strings.HasPrefix(name, "__") && strings.HasSuffix(name, "__")
	}
	for _, o := range b.Scope.RuntimeBindings(name) {
		if BoundOnEveryPath(o, id) {
			return true
		}
	}
	return false
}

// isReference reports whether the identifier id is read as a variable.
func isReference(id syntax.Node) bool {
	p := id.Parent()
	f := id.Field()
	switch p.Kind() {
	case syntax.KindAttribute:
		return f != syntax.FieldAttribute
	case syntax.KindKeywordArgument, syntax.KindFunctionDefinition, syntax.KindClassDefinition,
		syntax.KindDefaultParameter, syntax.KindTypedDefaultParam:
		return f != syntax.FieldName
	case syntax.KindParameters, syntax.KindLambdaParameters, syntax.KindTypedParameter,
		syntax.KindGlobalStatement, syntax.KindNonlocalStatement, syntax.KindDottedName,
		syntax.KindAliasedImport, syntax.KindImportStatement, syntax.KindImportFromStatement,
		syntax.KindFutureImportStatement, syntax.KindTypeParameter, syntax.KindAsPatternTarget:
		return false
	case syntax.KindListSplatPattern, syntax.KindDictSplatPattern:
		if gp := p.Parent(); gp.Is(syntax.KindParameters) || gp.Is(syntax.KindLambdaParameters) || gp.Is(syntax.KindTypedParameter) {
			return false
		}
	}
	if isTarget(id) {
		return false
	}
	for a := p; !a.IsZero(); a = a.Parent() {
		if a.Is(syntax.KindCasePattern) || a.Is(syntax.KindError) {
			return false
		}
		if a.Is(syntax.KindBlock) || a.Is(syntax.KindModule) {
			break // statements do not nest in patterns
		}
	}
	return true
}

// isTarget reports whether id is bound by an assignment, augmented
// assignment, for loop, comprehension or walrus, directly or inside a
// tuple or list of targets.
func isTarget(id syntax.Node) bool {
	c := id
	for {
		p := c.Parent()
		switch p.Kind() {
		case syntax.KindPatternList, syntax.KindTuplePattern, syntax.KindListPattern, syntax.KindTuple,
			syntax.KindList, syntax.KindParenthesizedExpression, syntax.KindListSplatPattern, syntax.KindListSplat:
			c = p
			continue
		case syntax.KindAssignment, syntax.KindAugmentedAssignment, syntax.KindForStatement, syntax.KindForInClause:
			return c.Field() == syntax.FieldLeft
		case syntax.KindNamedExpression:
			return c.Field() == syntax.FieldName
		}
		return false
	}
}

func inRanges(rs [][2]int, off int) bool {
	for _, r := range rs {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}
