package python

import (
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// valueKind says what the rule knows about an expression's value.
type valueKind uint8

const (
	unknown valueKind = iota
	str               // a string
	seq               // a list, tuple or set (elems)
	boolean           // True or False
	ref               // a name imported from another module: resolved in the project phase
)

// value is the statically known part of an expression's value: enough to
// tell whether a CORS origin list holds "*" and where that "*" is written.
type value struct {
	kind  valueKind
	s     string // str
	b     bool   // boolean
	elems []value
	ref   string // ref: qualified name ("shared.config.CORS_ORIGINS")
	// at is the literal the value was read from (the "*" string itself).
	at syntax.Node
	// via is the name the value came through ("CORS_ORIGINS"), if any.
	via string
	// env is set for the default of an environment lookup, envVar to the
	// variable's name when it is a literal.
	env    bool
	envVar string
}

// maxDepth bounds how many names and calls eval follows.
const maxDepth = 8

// evaluator evaluates expressions of one file.
type evaluator struct {
	names *names.Resolver
}

// envGetters are the lookups whose second argument is the value used when
// the variable is not set.
var envGetters = map[string]bool{
	"os.getenv":             true,
	"os.environ.get":        true,
	"os.environ.setdefault": true,
	"os.getenvb":            true,
	"os.environb.get":       true,
	"decouple.config":       true,
}

// stringMethods keep a string's value for the rule's purpose.
var stringMethods = map[string]bool{"strip": true, "lstrip": true, "rstrip": true, "lower": true, "upper": true, "casefold": true}

func (e *evaluator) eval(n syntax.Node, depth int) value {
	n = n.Unparen()
	if depth > maxDepth || n.IsZero() {
		return value{}
	}
	switch n.Kind() {
	case syntax.KindString, syntax.KindConcatenatedString:
		if s, ok := n.StringLiteral(); ok {
			return value{kind: str, s: s, at: n}
		}
	case syntax.KindTrue:
		return value{kind: boolean, b: true, at: n}
	case syntax.KindFalse:
		return value{kind: boolean, at: n}
	case syntax.KindList, syntax.KindTuple, syntax.KindSet, syntax.KindExpressionList:
		v := value{kind: seq, at: n}
		for c := range n.NamedChildren() {
			if c.Is(syntax.KindListSplat) {
				inner := e.eval(c.FirstNamedChild(), depth+1)
				if inner.kind == seq {
					v.elems = append(v.elems, inner.elems...)
				} else {
					v.elems = append(v.elems, inner)
				}
				continue
			}
			v.elems = append(v.elems, e.eval(c, depth+1))
		}
		return v
	case syntax.KindIdentifier:
		return e.name(n, depth)
	case syntax.KindAttribute:
		// A module's constant (config.ORIGINS after `from shared import
		// config`) is resolved in the project phase; a settings object's
		// attribute never matches a module-level constant there.
		if q, ok := e.names.QualifiedName(n); ok && e.importedRoot(n) {
			return value{kind: ref, ref: q, at: n, via: string(n.Text())}
		}
	case syntax.KindCall:
		return e.call(n, depth)
	case syntax.KindBinaryOperator:
		if op := n.ChildByField(syntax.FieldOperator); op.TextIs("+") {
			l, r := e.eval(n.ChildByField(syntax.FieldLeft), depth+1), e.eval(n.ChildByField(syntax.FieldRight), depth+1)
			if l.kind == seq || r.kind == seq {
				return value{kind: seq, at: n, elems: append(flatten(l), flatten(r)...)}
			}
		}
	case syntax.KindConditionalExpression:
		return e.conditional(n, depth)
	case syntax.KindListComprehension, syntax.KindSetComprehension, syntax.KindGeneratorExpression:
		return e.comprehension(n, depth)
	}
	return value{}
}

// conditional evaluates `a if cond else b` as the sequence of both branches'
// elements, so that a wildcard in either branch is found: `["*"] if DEBUG
// else ORIGINS` is one flag away from every origin.
func (e *evaluator) conditional(n syntax.Node, depth int) value {
	// Children: consequence, "if", condition, "else", alternative.
	var branches []syntax.Node
	i := 0
	for c := range n.NamedChildren() {
		if i != 1 {
			branches = append(branches, c)
		}
		i++
	}
	v := value{kind: seq, at: n}
	for _, b := range branches {
		bv := e.eval(b, depth+1)
		if bv.kind == str && bv.s == "*" {
			v.elems = append(v.elems, bv)
			continue
		}
		v.elems = append(v.elems, flatten(bv)...)
	}
	return v
}

// flatten returns a sequence's elements, or the value itself.
func flatten(v value) []value {
	if v.kind == seq {
		return v.elems
	}
	return []value{v}
}

// comprehension evaluates `[o.strip() for o in ORIGINS.split(",")]` as the
// iterable's value when the element is the loop variable or a string method
// of it.
func (e *evaluator) comprehension(n syntax.Node, depth int) value {
	body := n.FirstNamedChild()
	clause := body.NextSibling()
	for !clause.IsZero() && !clause.Is(syntax.KindForInClause) {
		clause = clause.NextSibling()
	}
	if clause.IsZero() {
		return value{}
	}
	loopVar := clause.ChildByField(syntax.FieldLeft)
	if !loopVar.Is(syntax.KindIdentifier) {
		return value{}
	}
	b := body.Unparen()
	for b.Is(syntax.KindCall) {
		fn := b.ChildByField(syntax.FieldFunction)
		if !fn.Is(syntax.KindAttribute) || !stringMethods[string(fn.ChildByField(syntax.FieldAttribute).Text())] {
			return value{}
		}
		b = fn.ChildByField(syntax.FieldObject).Unparen()
	}
	if !b.Is(syntax.KindIdentifier) || string(b.Text()) != string(loopVar.Text()) {
		return value{}
	}
	it := e.eval(clause.ChildByField(syntax.FieldRight), depth+1)
	if it.kind != seq {
		return value{}
	}
	for i := range it.elems {
		if it.elems[i].kind == str {
			it.elems[i].s = strings.TrimSpace(it.elems[i].s)
		}
	}
	return it
}

// name evaluates an identifier through its binding: an assignment's value,
// or an import (a reference for the project phase).
func (e *evaluator) name(id syntax.Node, depth int) value {
	b := e.names.Lookup(id)
	if b == nil {
		return value{}
	}
	switch b.Kind {
	case names.Import:
		return value{kind: ref, ref: b.Qualified, at: id, via: b.Name}
	case names.Assignment:
		if b.Value.IsZero() {
			return value{}
		}
		v := e.eval(b.Value, depth+1)
		setVia(&v, b.Name)
		return v
	}
	return value{}
}

// importedRoot reports whether the leftmost name of an attribute chain is
// an import (config.ORIGINS, not settings.ORIGINS after settings = ...).
func (e *evaluator) importedRoot(n syntax.Node) bool {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject).Unparen()
	}
	if !n.Is(syntax.KindIdentifier) {
		return false
	}
	b := e.names.Lookup(n)
	return b != nil && b.Kind == names.Import
}

func (e *evaluator) call(n syntax.Node, depth int) value {
	fn := n.ChildByField(syntax.FieldFunction).Unparen()
	args := n.ChildByField(syntax.FieldArguments)
	if q, ok := e.names.QualifiedName(fn); ok {
		if envGetters[q] {
			def := args.Argument(1, "default")
			v := e.eval(def, depth+1)
			name, _ := args.PositionalArg(0).StringLiteral()
			markEnv(&v, name)
			return v
		}
		switch q {
		case "builtins.list", "builtins.tuple", "builtins.set", "builtins.frozenset", "builtins.sorted":
			return e.eval(args.PositionalArg(0), depth+1)
		}
	}
	if !fn.Is(syntax.KindAttribute) {
		return value{}
	}
	method := string(fn.ChildByField(syntax.FieldAttribute).Text())
	obj := fn.ChildByField(syntax.FieldObject)
	switch {
	case method == "split":
		v := e.eval(obj, depth+1)
		if v.kind != str {
			return value{}
		}
		var parts []string
		if sep, ok := args.PositionalArg(0).StringLiteral(); ok && sep != "" {
			parts = strings.Split(v.s, sep)
		} else if args.PositionalArg(0).IsZero() {
			parts = strings.Fields(v.s)
		} else {
			return value{}
		}
		out := value{kind: seq, at: v.at, via: v.via, env: v.env, envVar: v.envVar}
		for _, p := range parts {
			out.elems = append(out.elems, value{kind: str, s: p, at: v.at, via: v.via, env: v.env, envVar: v.envVar})
		}
		return out
	case stringMethods[method]:
		v := e.eval(obj, depth+1)
		if v.kind == str {
			return v
		}
	}
	return value{}
}

// setVia records, where no nearer name is known, the name a value (and
// each of its elements) came through.
func setVia(v *value, name string) {
	if v.via == "" {
		v.via = name
	}
	for i := range v.elems {
		setVia(&v.elems[i], name)
	}
}

func markEnv(v *value, name string) {
	v.env, v.envVar = true, name
	for i := range v.elems {
		markEnv(&v.elems[i], name)
	}
}
