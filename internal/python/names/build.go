package names

import (
	"math"
	"path"
	"strings"

	"github.com/xynergy/xylint/internal/python/syntax"
)

// Builder builds a Resolver from a pre-order walk: call Visit for every node
// of the tree in pre-order (as pyanalysis's single walk does), then Finish.
// Build does both for callers that do not share a walk.
type Builder struct {
	r     *Resolver
	pkg   string // the package relative imports start from
	stack []*Scope
	// end is where the innermost scope's node ends (its SubtreeEnd; the
	// module's: never), asked at every node.
	end  int
	ends []int // the ends of the scopes below it on the stack
}

// NewBuilder starts a resolver for f. module is f's dotted module name or "".
func NewBuilder(f *syntax.File, module string) *Builder {
	r := &Resolver{Module: module, scopes: map[int32]*Scope{}, nodes: f.Tree.Len()}
	r.module = &Scope{Kind: ModuleScope, Node: f.Root}
	r.scopes[int32(f.Root.Index())] = r.module
	b := &Builder{r: r, stack: []*Scope{r.module}, end: math.MaxInt}
	b.pkg = module
	if module != "" && path.Base(f.Path) != "__init__.py" {
		if i := strings.LastIndexByte(module, '.'); i >= 0 {
			b.pkg = module[:i]
		} else {
			b.pkg = ""
		}
	}
	return b
}

// Build resolves f's names with a walk of its own.
func Build(f *syntax.File, module string) *Resolver {
	b := NewBuilder(f, module)
	for n := range f.Tree.All() {
		b.Visit(n)
	}
	return b.Finish()
}

// Finish returns the resolver. No binding is added after it.
func (b *Builder) Finish() *Resolver {
	b.r.finished = true
	return b.r
}

// opensScope reports whether a node of kind k may open a scope (the kinds
// Visit pushes one for, and the module): ScopeAt looks its parents up in
// the scopes only then.
func opensScope(k syntax.Kind) bool {
	switch k {
	case syntax.KindModule, syntax.KindFunctionDefinition, syntax.KindClassDefinition, syntax.KindLambda,
		syntax.KindListComprehension, syntax.KindSetComprehension, syntax.KindDictionaryComprehension, syntax.KindGeneratorExpression:
		return true
	}
	return false
}

func (b *Builder) cur() *Scope { return b.stack[len(b.stack)-1] }

// Visit processes n; nodes must come in pre-order.
func (b *Builder) Visit(n syntax.Node) {
	for n.Index() >= b.end {
		b.stack = b.stack[:len(b.stack)-1]
		b.end, b.ends = b.ends[len(b.ends)-1], b.ends[:len(b.ends)-1]
	}
	switch n.Kind() {
	case syntax.KindFunctionDefinition, syntax.KindClassDefinition:
		kind, bk := FunctionScope, Definition
		if n.Is(syntax.KindClassDefinition) {
			kind = ClassScope
		}
		if name := n.ChildByField(syntax.FieldName); name.Is(syntax.KindIdentifier) {
			b.bind(b.cur(), name, bk, "", syntax.Node{})
		}
		b.push(kind, n)
	case syntax.KindLambda:
		b.push(FunctionScope, n)
	case syntax.KindListComprehension, syntax.KindSetComprehension, syntax.KindDictionaryComprehension, syntax.KindGeneratorExpression:
		b.push(ComprehensionScope, n)
	case syntax.KindParameters, syntax.KindLambdaParameters:
		b.parameters(n)
	case syntax.KindAssignment:
		left := n.ChildByField(syntax.FieldLeft)
		var value syntax.Node
		if left.Is(syntax.KindIdentifier) {
			value = n.ChildByField(syntax.FieldRight)
		}
		b.targets(left, value)
	case syntax.KindAugmentedAssignment:
		b.targets(n.ChildByField(syntax.FieldLeft), syntax.Node{})
	case syntax.KindNamedExpression:
		// PEP 572: the target belongs to the nearest non-comprehension scope.
		s := len(b.stack) - 1
		for s > 0 && b.stack[s].Kind == ComprehensionScope {
			s--
		}
		if name := n.ChildByField(syntax.FieldName); name.Is(syntax.KindIdentifier) {
			b.bind(b.stack[s], name, Assignment, "", n.ChildByField(syntax.FieldValue))
		}
	case syntax.KindForStatement, syntax.KindForInClause:
		b.targets(n.ChildByField(syntax.FieldLeft), syntax.Node{})
	case syntax.KindAsPatternTarget:
		// with ... as x, except ... as x (and case ... as x).
		b.targets(n.FirstNamedChild(), syntax.Node{})
	case syntax.KindGlobalStatement, syntax.KindNonlocalStatement:
		s := b.cur()
		for id := range n.NamedChildren() {
			if !id.Is(syntax.KindIdentifier) {
				continue
			}
			if n.Is(syntax.KindGlobalStatement) {
				if s.global == nil {
					s.global = map[string]bool{}
				}
				s.global[string(id.Text())] = true
			} else {
				if s.nonlocal == nil {
					s.nonlocal = map[string]bool{}
				}
				s.nonlocal[string(id.Text())] = true
			}
		}
	case syntax.KindImportStatement:
		b.importStatement(n)
	case syntax.KindImportFromStatement, syntax.KindFutureImportStatement:
		b.importFrom(n)
	}
}

func (b *Builder) push(kind ScopeKind, n syntax.Node) {
	s := &Scope{Kind: kind, Node: n, Parent: b.cur()}
	b.r.scopes[int32(n.Index())] = s
	b.stack = append(b.stack, s)
	b.ends = append(b.ends, b.end)
	b.end = n.SubtreeEnd()
}

// bind records a binding; names declared global in s go to the module scope
// (so that `global print; print = log` shadows print for the whole file).
func (b *Builder) bind(s *Scope, id syntax.Node, kind BindingKind, qualified string, value syntax.Node) *Binding {
	name := string(id.Text())
	if s.global[name] {
		s = b.r.module
	}
	bd := &Binding{Name: name, Kind: kind, Node: id, Qualified: qualified, Value: value, TypeOnly: typeOnly(id)}
	if s.nonlocal[name] {
		// Bind in the nearest enclosing function scope that has the name.
		for p := s.Parent; p != nil; p = p.Parent {
			if p.Kind == FunctionScope && len(p.bindings[name]) > 0 {
				s = p
				break
			}
		}
	}
	s.add(bd)
	if kind == Import {
		b.r.Imports = append(b.r.Imports, bd)
	}
	return bd
}

// targets binds every name in an assignment target (a, (a, b), [a, *b]),
// not attributes or subscripts (x.a = 1 binds nothing).
func (b *Builder) targets(t syntax.Node, value syntax.Node) {
	if t.IsZero() {
		return
	}
	s := b.cur()
	stack := []syntax.Node{t}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch n.Kind() {
		case syntax.KindIdentifier:
			b.bind(s, n, Assignment, "", value)
		case syntax.KindPatternList, syntax.KindTuplePattern, syntax.KindListPattern, syntax.KindListSplatPattern,
			syntax.KindTuple, syntax.KindList, syntax.KindParenthesizedExpression, syntax.KindListSplat:
			for c := range n.NamedChildren() {
				stack = append(stack, c)
			}
		}
	}
}

// parameters binds a def's or lambda's parameters in its scope (the scope
// was pushed when its definition was visited).
func (b *Builder) parameters(ps syntax.Node) {
	s := b.cur()
	for p := range ps.NamedChildren() {
		var id syntax.Node
		switch p.Kind() {
		case syntax.KindIdentifier:
			id = p
		case syntax.KindDefaultParameter, syntax.KindTypedDefaultParam:
			id = p.ChildByField(syntax.FieldName)
		case syntax.KindTypedParameter, syntax.KindListSplatPattern, syntax.KindDictSplatPattern:
			id = p.FirstNamedChild()
			if id.Is(syntax.KindListSplatPattern) || id.Is(syntax.KindDictSplatPattern) {
				id = id.FirstNamedChild()
			}
		}
		if id.Is(syntax.KindIdentifier) {
			b.bind(s, id, Parameter, "", syntax.Node{})
		}
	}
}

// importStatement: `import a.b.c` binds a (to "a"); `import a.b as c` binds
// c (to "a.b").
func (b *Builder) importStatement(n syntax.Node) {
	runs := !typeOnly(n)
	for c := range n.NamedChildren() {
		if c.Field() != syntax.FieldName {
			continue
		}
		if runs {
			m := c
			if c.Is(syntax.KindAliasedImport) {
				m = c.ChildByField(syntax.FieldName)
			}
			b.r.runtimeImports = append(b.r.runtimeImports, dotted(m))
		}
		switch c.Kind() {
		case syntax.KindDottedName:
			first := c.FirstNamedChild()
			if first.Is(syntax.KindIdentifier) {
				b.bind(b.cur(), first, Import, string(first.Text()), syntax.Node{})
			}
		case syntax.KindAliasedImport:
			name, alias := c.ChildByField(syntax.FieldName), c.ChildByField(syntax.FieldAlias)
			if alias.Is(syntax.KindIdentifier) {
				b.bind(b.cur(), alias, Import, dotted(name), syntax.Node{})
			}
		}
	}
}

// importFrom: `from m import x as y` binds y (to "m.x").
func (b *Builder) importFrom(n syntax.Node) {
	module := "__future__"
	if n.Is(syntax.KindImportFromStatement) {
		module = b.moduleName(n.ChildByField(syntax.FieldModuleName))
		if !typeOnly(n) {
			b.r.runtimeImports = append(b.r.runtimeImports, module)
		}
	}
	for c := range n.NamedChildren() {
		if c.Is(syntax.KindWildcardImport) && b.cur() == b.r.module {
			b.r.StarImports = append(b.r.StarImports, module)
		}
		if c.Field() != syntax.FieldName {
			continue
		}
		var name, alias syntax.Node
		switch c.Kind() {
		case syntax.KindDottedName:
			name, alias = c, c.FirstNamedChild()
		case syntax.KindAliasedImport:
			name, alias = c.ChildByField(syntax.FieldName), c.ChildByField(syntax.FieldAlias)
		}
		if !alias.Is(syntax.KindIdentifier) {
			continue
		}
		q := dotted(name)
		switch {
		case module == "":
		case strings.HasSuffix(module, "."):
			q = module + q
		default:
			q = module + "." + q
		}
		b.bind(b.cur(), alias, Import, q, syntax.Node{})
	}
}

// moduleName resolves the module of a from-import: a dotted name as is, a
// relative import against the file's package when the module is known
// ("..m" in "pkg.sub.mod" is "pkg.m"), else kept relative (".m", "..").
func (b *Builder) moduleName(m syntax.Node) string {
	if !m.Is(syntax.KindRelativeImport) {
		return dotted(m)
	}
	dots := 0
	var rest string
	for c := range m.NamedChildren() {
		switch c.Kind() {
		case syntax.KindImportPrefix:
			dots = len(c.Text())
		case syntax.KindDottedName:
			rest = dotted(c)
		}
	}
	if b.r.Module == "" {
		return strings.Repeat(".", dots) + rest
	}
	pkg := b.pkg
	for range dots - 1 {
		if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
			pkg = pkg[:i]
		} else {
			pkg = ""
		}
	}
	switch {
	case pkg == "":
		return rest
	case rest == "":
		return pkg
	}
	return pkg + "." + rest
}

// dotted is a dotted_name's text without whitespace or comments.
func dotted(n syntax.Node) string {
	if !n.Is(syntax.KindDottedName) {
		return string(n.Text())
	}
	var sb strings.Builder
	for c := range n.NamedChildren() {
		if sb.Len() > 0 {
			sb.WriteByte('.')
		}
		sb.Write(c.Text())
	}
	return sb.String()
}

// typeOnly reports whether n lies in the body of an if statement whose
// condition is TYPE_CHECKING (or x.TYPE_CHECKING), False or 0: code that
// type checkers read and Python never runs.
func typeOnly(n syntax.Node) bool {
	for c, p := n, n.Parent(); !p.IsZero(); c, p = p, p.Parent() {
		if p.Is(syntax.KindIfStatement) && c.Field() == syntax.FieldConsequence && NeverRuns(p.ChildByField(syntax.FieldCondition)) {
			return true
		}
	}
	return false
}

// NeverRuns reports whether an if statement's condition is one whose body
// Python never runs: TYPE_CHECKING (typing's, under any import form), False
// or 0.
func NeverRuns(cond syntax.Node) bool {
	cond = cond.Unparen()
	switch cond.Kind() {
	case syntax.KindFalse:
		return true
	case syntax.KindInteger:
		return cond.TextIs("0")
	case syntax.KindIdentifier:
		return cond.TextIs("TYPE_CHECKING")
	case syntax.KindAttribute:
		return cond.ChildByField(syntax.FieldAttribute).TextIs("TYPE_CHECKING")
	}
	return false
}
