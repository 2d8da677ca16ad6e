package python

import (
	"strings"
	"sync"

	"github.com/xynergy/xylint/analyzers/wildcardcors"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// The fix (unsafe: it changes which browsers may call the service) puts the
// project's origins setting when the file imports a settings object that
// has one (settings.go), else the configured origins source (options
// origins-expression and origins-import), where the wildcard is written,
// wrapped to the project's line length (pyedit.Fit):
//
//   - an origins value that is only the wildcard — `["*"]`, `("*",)`,
//     `"*"`, a branch of a conditional, written in the call or in the
//     assignment of the variable the call names (in this file) — becomes
//     the expression;
//   - a wildcard among explicit origins (`["https://a.example", "*"]`)
//     is removed: the listed origins are the ones the service meant;
//   - the default of an environment lookup (`os.getenv("ORIGINS", "*")`)
//     becomes `""`: unset, the variable allows no origin;
//   - flask-cors `CORS(app)` / `@cross_origin()` without origins (also with
//     resources that set none) gets `origins=<expression>`, which every
//     resource without its own origins inherits, in place of
//     `send_wildcard=...` (which acts only on the wildcard) when it has one;
//   - Django `CORS_ALLOW_ALL_ORIGINS = True` becomes `CORS_ALLOWED_ORIGINS =
//     <expression>`, or `False` when the module already sets
//     `CORS_ALLOWED_ORIGINS`.
//
// No fix: the CORS of an app the file serves itself, from a function, on
// the loopback interface (localserver.go: a CLI's login callback server,
// whose caller is a product page no deployment setting names), raw
// `Access-Control-Allow-Origin: *` headers (the header holds one
// origin; the fix would be request-dependent code that echoes an allowed
// Origin back and adds `Vary: Origin`), everything-regexes
// (`allow_origin_regex`, `CORS_ALLOWED_ORIGIN_REGEXES`: a person chooses the
// pattern), wildcards in constants of other modules (the fix would edit a
// shared module without a finding of its own there), a wildcard inside a
// longer string (`"https://a.example,*"`), containers with comments, and a
// name the expression needs that the file binds to something else.
type fixer struct {
	fp   *filePass
	ed   *pyedit.File
	expr string // the origins expression; "" means no fix
	mod  string // origins-import's module, or ""
	name string // origins-import's name, or ""
	// choices are the settings alternatives of the fixes made, by fix.
	choices map[*lint.Fix]*settingsChoice
	// withheld says, by fix, why a fix with the configured expression is
	// made only if a settings alternative is (deploy.go).
	withheld map[*lint.Fix]string
}

func (fp *filePass) fixer() *fixer {
	if fp.fx != nil {
		return fp.fx
	}
	fx := &fixer{fp: fp, ed: pyedit.New(fp.pass.File, fp.pass.Names)}
	fp.fx = fx
	if !validExpression(fp.opts.OriginsExpression) {
		return fx
	}
	fx.mod, fx.name = fp.opts.ImportModule, fp.opts.ImportName
	fx.expr = fp.opts.OriginsExpression
	return fx
}

// validExpressions caches whether a configured expression parses.
var validExpressions sync.Map // string → bool

// validExpression reports whether expr parses as one Python expression.
func validExpression(expr string) bool {
	if expr == "" {
		return false
	}
	if v, ok := validExpressions.Load(expr); ok {
		return v.(bool)
	}
	ok := false
	if f, err := syntax.Parse("", []byte("x = (\n"+expr+"\n)\n")); err == nil && len(f.Errors) == 0 {
		ok = true
	}
	validExpressions.Store(expr, ok)
	return ok
}

// origins returns the expression usable at n and the edits that import
// what it needs; ok is false when it cannot be used there.
func (fx *fixer) origins(n syntax.Node) (string, []lint.Edit, bool) {
	if fx.expr == "" {
		return "", nil, false
	}
	if fx.mod == "" {
		return fx.expr, nil, true
	}
	q, want := fx.mod, fx.mod
	if fx.name != "" {
		q, want = fx.mod+"."+fx.name, fx.name
	}
	e, imp, ok := fx.ed.Ref(q, n)
	if !ok || e != want {
		// The expression is written with the plain name; an alias (`import
		// os as _os`) or a taken name would need rewriting it.
		return "", nil, false
	}
	if imp == nil {
		return fx.expr, nil, true
	}
	if pyedit.RunsAtImportBefore(n, fx.ed.AfterImports()) {
		return "", nil, false
	}
	return fx.expr, fx.ed.AddImport(*imp), true
}

// fix is the fix of edit e at node n, with the imports it needs; e is laid
// out to the project's line length (pyedit.Fit).
func (fx *fixer) fix(msg string, n syntax.Node, e lint.Edit, imports ...lint.Edit) *lint.Fix {
	var es pyedit.Edits
	es.Add(imports...)
	es.Add(fx.ed.Fit(n, e, fx.fp.pass.LineLength()))
	return &lint.Fix{Message: msg, Safety: lint.Unsafe, Edits: es.List()}
}

// withOrigins is the fix build makes with the configured origins
// expression at n, and its alternatives with the settings the file imports
// (settings.go), which the fixer keeps for the finding (choices).
func (fx *fixer) withOrigins(n syntax.Node, build func(expr string, imports []lint.Edit) *lint.Fix) *lint.Fix {
	if fx.localServer(n) {
		return nil // a local callback server: the caller's origin is no deployment's setting
	}
	expr, imports, ok := fx.origins(n)
	if !ok {
		return nil
	}
	f := build(expr, imports)
	if f == nil {
		return nil
	}
	if why := fx.undeployed(expr); why != "" {
		if fx.withheld == nil {
			fx.withheld = map[*lint.Fix]string{}
		}
		fx.withheld[f] = why
	}
	if c := fx.withSettings(n, build); c != nil {
		if fx.choices == nil {
			fx.choices = map[*lint.Fix]*settingsChoice{}
		}
		fx.choices[f] = c
	}
	return f
}

// replaceWithOrigins replaces n with the origins expression.
func (fx *fixer) replaceWithOrigins(n syntax.Node) *lint.Fix {
	return fx.withOrigins(n, func(expr string, imports []lint.Edit) *lint.Fix {
		return fx.fix("Replace the wildcard with "+originsWhat(expr, imports), n, fx.ed.Replace(n, expr), imports...)
	})
}

// originsWhat names the origins a fix writes: a setting the file imports,
// or the configured expression — for the default one, the variable the
// deployment must set, which a reviewer of the fix needs to know.
func originsWhat(expr string, imports []lint.Edit) string {
	switch {
	case imports == nil && strings.Count(expr, ".") == 1 && !strings.ContainsAny(expr, "()[] "):
		return "the project's setting `" + expr + "`"
	case strings.Contains(expr, ".config[\""):
		return "the app's configured `" + expr + "`"
	case expr == wildcardcors.DefaultOriginsExpression:
		return "the origins listed in the ALLOWED_ORIGINS environment variable (the deployment must set it: unset, no origin is allowed)"
	}
	return "the configured allowed origins"
}

// wildcard returns the fix of a wildcard literal hit found in the origins
// value arg (a call's argument or a setting's value).
func (fx *fixer) wildcard(arg syntax.Node, hit value, c check) *lint.Fix {
	if c != starletteOrigins && c != flaskOrigins && c != djangoOrigins {
		return nil // regexes: a person chooses the pattern
	}
	lit := hit.at
	if !lit.Is(syntax.KindString) {
		return nil
	}
	if s, ok := lit.StringLiteral(); !ok || s != hit.s {
		return nil // "https://a.example,*": the wildcard is part of a longer string
	}
	if hit.env {
		// The default of os.getenv("X", "*"): unset allows nothing.
		p := lit.Parent()
		if p.Is(syntax.KindKeywordArgument) {
			p = p.Parent()
		}
		if !p.Is(syntax.KindArgumentList) {
			return nil
		}
		return fx.fix("Make the environment variable's default allow no origin", lit, fx.ed.Replace(lit, `""`))
	}
	root := fx.root(arg, lit)
	if root.IsZero() {
		return nil
	}
	// Walk up from the literal to root through containers, conditionals
	// and parentheses.
	n := lit
	for n != root {
		p := n.Parent()
		switch {
		case p.Is(syntax.KindParenthesizedExpression), p.Is(syntax.KindConditionalExpression):
			n = p
			continue
		case p.Is(syntax.KindList), p.Is(syntax.KindTuple), p.Is(syntax.KindSet):
			return fx.inContainer(p, lit)
		}
		return nil
	}
	return fx.replaceWithOrigins(lit)
}

// root is the expression the wildcard literal is written in: arg itself, or
// the value a name arg stands for (followed through single assignments in
// this file); the zero Node when lit is in neither.
func (fx *fixer) root(arg, lit syntax.Node) syntax.Node {
	return fx.rootIn(arg, lit, 0)
}

func (fx *fixer) rootIn(n, lit syntax.Node, depth int) syntax.Node {
	n = n.Unparen()
	switch {
	case depth > 4:
	case n == lit:
		return n
	case n.Is(syntax.KindIdentifier):
		b := fx.fp.pass.Names.Lookup(n)
		if b == nil || b.Kind != names.Assignment || b.Value.IsZero() || len(b.Scope.Bindings(b.Name)) != 1 {
			return syntax.Node{}
		}
		return fx.rootIn(b.Value, lit, depth+1)
	case n.Is(syntax.KindConditionalExpression):
		// `DEBUG_ORIGINS if DEBUG else PROD_ORIGINS`: the branch the
		// wildcard is in.
		for c := range n.NamedChildren() {
			if r := fx.rootIn(c, lit, depth+1); !r.IsZero() {
				return r
			}
		}
	case n.Contains(lit):
		return n
	}
	return syntax.Node{}
}

// inContainer fixes a wildcard element of a list, tuple or set: the whole
// container becomes the expression when the wildcard is all it holds, else
// the element is removed.
func (fx *fixer) inContainer(c, lit syntax.Node) *lint.Fix {
	var elems []syntax.Node
	for e := range c.Children() {
		switch {
		case e.Is(syntax.KindComment):
			return nil // a comment may be about the wildcard or its neighbours
		case e.IsNamed():
			elems = append(elems, e)
		}
	}
	i := 0
	for i < len(elems) && elems[i] != lit {
		i++
	}
	if i == len(elems) {
		return nil // inside a parenthesized element: leave it
	}
	if len(elems) == 1 {
		return fx.replaceWithOrigins(c)
	}
	var e lint.Edit
	switch {
	case i+1 < len(elems):
		e = lint.Edit{Start: lit.Start(), End: elems[i+1].Start()}
	case c.Is(syntax.KindTuple):
		// Keep the comma after the previous element: ("a", "*") must stay
		// a tuple, ("a",), not become the string ("a").
		comma := -1
		for x := elems[i-1].NextSibling(); !x.IsZero() && x.Start() < lit.Start(); x = x.NextSibling() {
			if x.TextIs(",") {
				comma = x.End()
			}
		}
		if comma < 0 {
			return nil
		}
		e = lint.Edit{Start: comma, End: lit.End()}
	default:
		e = lint.Edit{Start: elems[i-1].End(), End: lit.End()}
	}
	return fx.fix("Remove the wildcard from the allowed origins", lit, e)
}

// addOrigins adds origins=<expression> to a flask-cors CORS(...) call or
// @cross_origin(...) decorator.
func (fx *fixer) addOrigins(call syntax.Node) *lint.Fix {
	args := call.ChildByField(syntax.FieldArguments)
	for a := range args.Children() {
		if a.Is(syntax.KindComment) {
			return nil
		}
	}
	// send_wildcard=True sends `*` instead of the request's origin only when
	// the origins are `*`: with origins it does nothing, and the origins
	// take its place.
	if sw := args.KeywordArg("send_wildcard"); !sw.IsZero() && sw.Parent().Is(syntax.KindKeywordArgument) {
		kw := sw.Parent()
		return fx.withOrigins(call, func(expr string, imports []lint.Edit) *lint.Fix {
			return fx.fix("Replace send_wildcard, which only applies to every origin, with "+originsWhat(expr, imports), call, fx.ed.Replace(kw, "origins="+expr), imports...)
		})
	}
	return fx.withOrigins(call, func(expr string, imports []lint.Edit) *lint.Fix {
		return fx.fix("Add "+originsWhat(expr, imports), call, fx.ed.AddKeywordArgument(call, "origins="+expr), imports...)
	})
}

// djangoAllowAll fixes `CORS_ALLOW_ALL_ORIGINS = True` (the literal True):
// `CORS_ALLOWED_ORIGINS = <expression>`, or False when the module sets the
// allowed origins itself.
func (fx *fixer) djangoAllowAll(assign syntax.Node) *lint.Fix {
	right := assign.ChildByField(syntax.FieldRight)
	if !right.Is(syntax.KindTrue) || !assign.Parent().Is(syntax.KindExpressionStatement) || !assign.ChildByField(syntax.FieldType).IsZero() {
		return nil
	}
	ms := fx.fp.pass.Names.ModuleScope()
	for _, s := range []string{"CORS_ALLOWED_ORIGINS", "CORS_ORIGIN_WHITELIST", "CORS_ALLOWED_ORIGIN_REGEXES", "CORS_ORIGIN_REGEX_WHITELIST"} {
		if len(ms.Bindings(s)) > 0 {
			return fx.fix("Stop allowing every origin: the module lists the allowed ones", right, fx.ed.Replace(right, "False"))
		}
	}
	return fx.withOrigins(assign, func(expr string, imports []lint.Edit) *lint.Fix {
		return fx.fix("Replace with "+originsWhat(expr, imports), assign, fx.ed.Replace(assign, "CORS_ALLOWED_ORIGINS = "+expr), imports...)
	})
}
