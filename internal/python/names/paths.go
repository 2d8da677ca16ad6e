package names

import "github.com/xynergy/xylint/internal/python/syntax"

// BoundOnEveryPath reports whether the binding b (or another binding of
// its name in the same scope) has bound the name on every path that
// reaches ref through the if and try statements around it: a binding in
// one branch of an if (or under an if with no else) binds the name only
// when the others do too; one in a try's body or else only when every
// except clause binds it as well or leaves (raise, return, break,
// continue); one in an except clause only when the body and the other
// clauses do (`try: import ujson as json` / `except ImportError: import
// json` binds json; `except ImportError: pass` does not). A finally clause
// always runs. Only what lies between the binding and the innermost
// statement that holds both it and ref counts: under `if x:`, a reference
// in the same branch sees the branch's own binding. The zero ref asks
// about the whole scope (code after the scope's last statement).
//
// Match statements count as branches with no catch-all. Loops, with
// statements, boolean operators and function bodies (a global assigned in
// a function) are not paths here: resolution stays flow-insensitive
// there, as the package documentation says.
func BoundOnEveryPath(b *Binding, ref syntax.Node) bool {
	if b.TypeOnly {
		return false
	}
	return bindsThrough(b, b.Node, b.Scope.Node, ref)
}

// bindsThrough walks from n, where b binds its name, up to stop (the
// scope's node or a branch's block) or to the first statement that holds
// ref, and reports whether every if, try or match statement on the way
// binds the name on all its paths.
func bindsThrough(b *Binding, n, stop, ref syntax.Node) bool {
	for c, p := n, n.Parent(); !p.IsZero() && p != stop; c, p = p, p.Parent() {
		if !ref.IsZero() && p.Start() <= ref.Start() && ref.Start() < p.End() {
			return true
		}
		switch p.Kind() {
		case syntax.KindIfStatement:
			if c.Field() != syntax.FieldCondition && !ifBinds(b, p) {
				return false
			}
		case syntax.KindTryStatement:
			if !tryBinds(b, p) {
				return false
			}
		case syntax.KindMatchStatement:
			if c.Field() != syntax.FieldSubject {
				return false
			}
		}
	}
	return true
}

// ifBinds reports whether every branch of the if statement binds b's
// name or leaves; with no else, the path past every condition binds
// nothing. The body of `if TYPE_CHECKING:` never runs: only its else
// counts.
func ifBinds(b *Binding, stmt syntax.Node) bool {
	neverRuns := NeverRuns(stmt.ChildByField(syntax.FieldCondition))
	if !neverRuns && !blockBinds(b, stmt.ChildByField(syntax.FieldConsequence)) {
		return false
	}
	hasElse := false
	for c := range stmt.NamedChildren() {
		switch c.Kind() {
		case syntax.KindElifClause:
			if !blockBinds(b, c.ChildByField(syntax.FieldConsequence)) {
				return false
			}
		case syntax.KindElseClause:
			hasElse = true
			if !blockBinds(b, c.ChildByField(syntax.FieldBody)) {
				return false
			}
		}
	}
	return hasElse
}

// tryBinds reports whether the try statement binds b's name on every
// path that leaves it normally: its finally clause binds it, or its body
// (or else clause) does and every except clause binds it or leaves.
func tryBinds(b *Binding, stmt syntax.Node) bool {
	var handlers []syntax.Node
	var elseBody syntax.Node
	for c := range stmt.NamedChildren() {
		switch c.Kind() {
		case syntax.KindFinallyClause:
			if blockBinds(b, c.ChildOfKind(syntax.KindBlock)) {
				return true
			}
		case syntax.KindExceptClause, syntax.KindExceptGroupClause:
			handlers = append(handlers, c.ChildOfKind(syntax.KindBlock))
		case syntax.KindElseClause:
			elseBody = c.ChildByField(syntax.FieldBody)
		}
	}
	if !blockBinds(b, stmt.ChildByField(syntax.FieldBody)) && !blockBinds(b, elseBody) {
		return false
	}
	for _, h := range handlers {
		if !blockBinds(b, h) {
			return false
		}
	}
	return true
}

// blockBinds reports whether the block binds b's name on every path
// through it (a binding in it, not itself conditional within it) or
// leaves by raise, return, break or continue.
func blockBinds(b *Binding, block syntax.Node) bool {
	if block.IsZero() {
		return false
	}
	var last syntax.Node
	for c := range block.NamedChildren() {
		last = c
	}
	switch last.Kind() {
	case syntax.KindRaiseStatement, syntax.KindReturnStatement, syntax.KindBreakStatement, syntax.KindContinueStatement:
		return true
	}
	for _, o := range b.Scope.Bindings(b.Name) {
		if !o.TypeOnly && block.Start() <= o.Node.Start() && o.Node.Start() < block.End() &&
			bindsThrough(o, o.Node, block, syntax.Node{}) {
			return true
		}
	}
	return false
}
