// Package python is XY002 unauthenticated-route's Python detection (the
// rule's documentation is in the parent package).
//
// The analysis is project-wide. Each file's pass records what it declares
// (facts.go): apps and routers, routes with the dependencies their
// decorator and parameters name, include_router/mount/register_blueprint
// calls, Flask before_request hooks, and the module-level names a
// dependency may go through (functions, classes, Annotated aliases, scheme
// instances, imports). The project phase (project.go) resolves those names
// across files, decides which dependencies authenticate (transitively), and
// walks every chain of includes from each route up to its app: a route is
// reported when one chain reaches it with no auth on the way.
package python

import (
	"bytes"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
	"github.com/xynergy/xylint/internal/suppress"
)

// Analyzer is XY002 unauthenticated-route for Python.
var Analyzer = pyanalysis.New(unauthenticatedroute.Rule, unauthenticatedroute.OptionsSpec, pyanalysis.Def[*unauthenticatedroute.Config]{
	Kinds: []syntax.Kind{
		syntax.KindCall, syntax.KindDecoratedDefinition, syntax.KindAssignment,
		syntax.KindFunctionDefinition, syntax.KindClassDefinition,
	},
	// A file matters when it declares routes, apps, routers or
	// dependencies, or re-exports auth (it names a module "auth"); package
	// __init__ files that re-export routers contain "route"; settings classes
	// hold prefixes; a package that star-imports may re-export a base
	// class or a dependency; a Flask view that another module registers with
	// add_url_rule matters when it has an auth decorator or checks
	// credentials in its body. A route on an app or router imported from
	// another module (`from main import app` then `@app.post("/x")`) names
	// none of these: Match looks for the decorator.
	PrefilterFor: newPrefilter,
	Excludes:     func(c *unauthenticatedroute.Config, path string) bool { return c.Exclude.Match(path) },
	FactTypes:    []pyanalysis.Fact{(*fileFact)(nil)},
	Run:          run,
	Project:      projectPhase,
	// An open route's level depends on the platform auth the deployment
	// files show (projectPhase's report).
	PlatformAuth: true,
})

func newPrefilter(o *unauthenticatedroute.Config) *pyanalysis.Prefilter {
	needles := []string{"route", "Router", "Depends", "Security", "FastAPI", "Flask", "Blueprint", "before_request",
		"websocket", "Settings", "PREFIX", "MethodView", "import *", "wraps", "abort", "redirect", "middleware"}
	needles = append(needles, bodyAuthText...)
	for _, d := range append(slices.Clone(o.AuthDecorators), o.FixDecorator) {
		if d = d[strings.LastIndexByte(d, '.')+1:]; d != "" && !slices.Contains(needles, d) {
			needles = append(needles, d)
		}
	}
	return &pyanalysis.Prefilter{
		Any:   needles,
		All:   [][]string{{"verify", "token"}},
		Match: func(src []byte) bool { return routeDecorator(src) || namesAuthModule(src) },
	}
}

var routeDecorator = pyanalysis.DecoratorCalls(slices.Collect(maps.Keys(web.RouteDecorators))...)

// namesAuthModule reports whether src has "auth" as a name or a dotted
// name's part (`from .auth import ...`, `from shared import auth`), which a
// module re-exporting an auth dependency has: anything imported from a
// module named auth counts as auth. google.auth (credentials, in two thirds
// of GoogleCloudPlatform's samples) and words such as "oauth" do not count.
func namesAuthModule(src []byte) bool {
	const w = "auth"
	for i := 0; ; {
		j := bytes.Index(src[i:], []byte(w))
		if j < 0 {
			return false
		}
		at := i + j
		i = at + len(w)
		if i < len(src) && syntax.IsIdentByte(src[i]) {
			continue
		}
		switch {
		case at == 0:
			return true
		case src[at-1] == '.':
			if !bytes.HasSuffix(src[:at-1], []byte("google")) {
				return true
			}
		case !syntax.IsIdentByte(src[at-1]):
			return true
		}
	}
}

type filePass struct {
	pass *pyanalysis.Pass
	opts *unauthenticatedroute.Config
	r    *names.Resolver
	fact *fileFact
	objs map[*names.Binding]int // bindings of apps/routers → object index
	fx   *fixer                 // made on first use (fix.go)
	// authText: 0 not looked, 1 the file has text checksAuthInBody looks
	// for, 2 it has none (most files: no function body is walked).
	authText uint8
}

// bodyAuthText holds strings one of which a body that checks credentials
// contains (checksAuthInBody), also in the prefilter: a 401 or 403, an
// exception that answers it, a verifier's name, a compared credential.
var bodyAuthText = []string{"401", "403", "UNAUTHORIZED", "FORBIDDEN", "Unauthorized", "Unauthenticated",
	"NotAuthenticated", "AuthenticationFailed", "AuthenticationError", "Forbidden", "PermissionDenied",
	"AccessDenied", "NotAuthorized", "InvalidToken", "InvalidSignature", "SignatureVerificationError",
	"verify", "construct_event", "compare_digest", "login"}

// bodyAuthStrings are bodyAuthText and the verbs of a check, and
// credentialStrings the credentialWords, each searched for at once
// (mayCheckAuth).
var (
	bodyAuthStrings   = pyanalysis.NewStrings(append(slices.Clone(bodyAuthText), "validate", "check")...)
	credentialStrings = pyanalysis.NewStrings(credentialWords...)
)

// mayCheckAuth reports whether the file's text holds something a body
// that checks credentials has: most files do not, and then no function
// body is walked for it. A compared credential (`key != settings.API_KEY`)
// is looked for where the file names one.
func (fp *filePass) mayCheckAuth() bool {
	if fp.authText == 0 {
		fp.authText = 2
		src := fp.pass.Src
		if bodyAuthStrings.Any(src) || bytes.Contains(src, []byte("!=")) && credentialStrings.Any(src) {
			fp.authText = 1
		}
	}
	return fp.authText == 1
}

func run(pass *pyanalysis.Pass, opts *unauthenticatedroute.Config) error {
	fp := &filePass{pass: pass, opts: opts, r: pass.Names, fact: &fileFact{Module: pass.Module, Symbols: map[string]symbol{}}, objs: map[*names.Binding]int{}}
	// Objects first, so that routes and includes anywhere in the file find
	// them.
	for _, a := range pass.Nodes(syntax.KindAssignment) {
		fp.assignment(a)
	}
	for _, d := range pass.Nodes(syntax.KindFunctionDefinition) {
		fp.function(d)
	}
	for _, c := range pass.Nodes(syntax.KindClassDefinition) {
		fp.class(c)
	}
	for _, d := range pass.Nodes(syntax.KindDecoratedDefinition) {
		fp.decorated(d)
	}
	for _, c := range pass.Nodes(syntax.KindCall) {
		fp.call(c)
	}
	f := fp.fact
	if len(f.Routes) > 0 {
		ranges := make([]lint.Range, len(f.Routes))
		for i, rt := range f.Routes {
			ranges[i] = rt.At
		}
		for i, s := range suppress.Suppressed(pass.Path, pass.Src, pass.File.Comments, unauthenticatedroute.Rule, ranges) {
			f.Routes[i].Suppressed = s
		}
	}
	interesting := len(f.Symbols) > 0 || len(f.Objects) > 0 || len(f.Routes) > 0 || len(f.Includes) > 0 || len(f.Hooks) > 0 || len(f.ObjArgs) > 0
	// Imports are kept where names may be re-exported through them: in
	// packages' __init__ files and in files that declare something; and
	// anywhere, imports from a module named auth (`from shared.auth import
	// verify_api_key as check_key` in a service's deps.py).
	all := interesting || strings.HasSuffix(pass.Path, "__init__.py")
	for _, b := range pass.Names.Imports {
		if b.Scope.Kind == names.ModuleScope && (all || fromAuthModule(b.Qualified)) {
			_, taken := f.Symbols[b.Name]
			if _, imported := f.Imports[b.Name]; !taken && !imported {
				if f.Imports == nil {
					f.Imports = map[string]project.Ref{}
				}
				f.Imports[b.Name] = project.ImportedRef(b.Qualified)
			}
		}
	}
	if all {
		f.StarImports = pass.Names.StarImports
	}
	if len(f.Imports) > 0 || interesting || len(f.StarImports) > 0 {
		pass.ExportFact(f)
	}
	return nil
}

// ref names the expression n as a reference (see fileFact): an imported
// name, a module-level name of the file, one of the file's objects, a name
// the file does not bind; an attribute of one, or what calling it returns.
// The zero Ref for anything else (a local, an attribute of an object).
func (fp *filePass) ref(n syntax.Node) project.Ref {
	n = n.Unparen()
	switch n.Kind() {
	case syntax.KindIdentifier:
		b := fp.r.Lookup(n)
		switch {
		case b == nil:
			return project.UnboundRef(string(n.Text()))
		case b.Kind == names.Import:
			return project.ImportedRef(b.Qualified)
		}
		if i, ok := fp.objs[b]; ok {
			if b.Scope.Kind == names.ModuleScope {
				return project.LocalRef(b.Name)
			}
			return project.ObjectRef(i)
		}
		if b.Scope.Kind == names.ModuleScope && b.Kind != names.Parameter {
			return project.LocalRef(b.Name)
		}
		// A local: follow one simple assignment (router = APIRouter() was
		// caught above; r = other.router is followed here, and so is
		// `_auth = Authenticator(...)`, a call's result).
		if b.Kind == names.Assignment && !b.Value.IsZero() && len(b.Scope.Bindings(b.Name)) == 1 {
			if v := b.Value.Unparen(); v.Is(syntax.KindIdentifier) || v.Is(syntax.KindAttribute) || v.Is(syntax.KindCall) {
				return fp.ref(v)
			}
		}
		return project.Ref{}
	case syntax.KindAttribute:
		attr := n.ChildByField(syntax.FieldAttribute)
		if attr.IsZero() {
			return project.Ref{}
		}
		return fp.ref(n.ChildByField(syntax.FieldObject)).Attr(string(attr.Text()))
	case syntax.KindCall:
		return fp.ref(n.ChildByField(syntax.FieldFunction)).Called()
	}
	return project.Ref{}
}

// qualified is the qualified name of an expression, or its text's last
// part for names the file does not bind (star imports).
func (fp *filePass) qualified(n syntax.Node) string {
	if q, ok := fp.r.QualifiedName(n); ok {
		return q
	}
	return ""
}

// isDependsCall reports whether call is fastapi's Depends(...) or
// Security(...).
func (fp *filePass) isDependsCall(call syntax.Node) bool {
	if !call.Is(syntax.KindCall) {
		return false
	}
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	q := fp.qualified(fn)
	if q == "" {
		// Unbound: a star import of fastapi.
		return fn.TextIs("Depends") || fn.TextIs("Security")
	}
	return web.IsDepends(q)
}

// dependsTarget is what Depends(x)/Security(x) calls: its first argument or
// dependency=; annotation stands in for Depends() without one.
func (fp *filePass) dependsTarget(call syntax.Node, annotation syntax.Node) (dep, bool) {
	if v := argument(call, 0, "dependency"); !v.IsZero() {
		if r := fp.ref(v); !r.IsZero() {
			return dep{Ref: r}, true
		}
		return dep{}, false
	}
	if !annotation.IsZero() {
		if r := fp.ref(annotation); !r.IsZero() {
			return dep{Ref: r}, true
		}
	}
	return dep{}, false
}

// depsIn collects the dependencies named inside an expression: Depends(x)
// and Security(x) calls anywhere in it (Annotated[T, Depends(x)],
// [Depends(a), Depends(b)]), and, for list elements that are names, the
// names (a pre-built `auth = Depends(x)`).
func (fp *filePass) depsIn(n syntax.Node, out []dep) []dep {
	n = n.Unparen()
	if n.IsZero() {
		return out
	}
	if fp.isDependsCall(n) {
		if d, ok := fp.dependsTarget(n, syntax.Node{}); ok {
			out = append(out, d)
		}
		return out
	}
	if n.Is(syntax.KindList) || n.Is(syntax.KindTuple) {
		for e := range n.NamedChildren() {
			e = e.Unparen()
			if e.Is(syntax.KindIdentifier) || e.Is(syntax.KindAttribute) {
				if r := fp.ref(e); !r.IsZero() {
					out = append(out, dep{Ref: r, Type: true})
				}
				continue
			}
			out = fp.depsIn(e, out)
		}
		return out
	}
	for d := range n.Descendants() {
		if d.Is(syntax.KindCall) && fp.isDependsCall(d) {
			if t, ok := fp.dependsTarget(d, syntax.Node{}); ok {
				out = append(out, t)
			}
		}
	}
	return out
}

// paramDeps collects the dependencies of a function's parameters:
// `x = Depends(f)`, `x: T = Depends()`, `x: Annotated[T, Depends(f)]` and
// `x: Alias` (kept as a Type dep: it counts when Alias is an Annotated
// alias with a dependency).
func (fp *filePass) paramDeps(def syntax.Node) []dep {
	var out []dep
	params := def.ChildByField(syntax.FieldParameters)
	for p := range params.NamedChildren() {
		var annotation, value syntax.Node
		switch p.Kind() {
		case syntax.KindTypedParameter:
			annotation = p.ChildByField(syntax.FieldType)
		case syntax.KindTypedDefaultParam:
			annotation, value = p.ChildByField(syntax.FieldType), p.ChildByField(syntax.FieldValue)
		case syntax.KindDefaultParameter:
			value = p.ChildByField(syntax.FieldValue)
		default:
			continue
		}
		var annExpr syntax.Node
		if !annotation.IsZero() {
			annExpr = annotation.FirstNamedChild()
		}
		if v := value.Unparen(); fp.isDependsCall(v) {
			if d, ok := fp.dependsTarget(v, annExpr); ok {
				out = append(out, d)
			}
		}
		if annExpr.IsZero() {
			continue
		}
		if annExpr.Is(syntax.KindIdentifier) || annExpr.Is(syntax.KindAttribute) {
			if r := fp.ref(annExpr); !r.IsZero() && r.Kind != project.Unbound {
				out = append(out, dep{Ref: r, Type: true})
			}
			continue
		}
		out = fp.depsIn(annExpr, out)
	}
	return out
}

// assignment records module-level objects, aliases, instances and simple
// re-bindings, and function-local apps and routers.
func (fp *filePass) assignment(a syntax.Node) {
	left := a.ChildByField(syntax.FieldLeft)
	right := a.ChildByField(syntax.FieldRight).Unparen()
	if !left.Is(syntax.KindIdentifier) || right.IsZero() {
		return
	}
	b := fp.r.Lookup(left)
	if b == nil {
		return
	}
	module := b.Scope.Kind == names.ModuleScope
	name := string(left.Text())
	if right.Is(syntax.KindCall) {
		fn := right.ChildByField(syntax.FieldFunction)
		kind, ok := web.Objects[fp.qualified(fn)]
		var class project.Ref
		if !ok && maybeObject(name, fn) {
			// A subclass of APIRouter or Flask, or a class a factory made:
			// the project phase says which, if any.
			if class = fp.ref(fn); !class.IsZero() && class.Kind != project.Unbound {
				ok = true
			}
		}
		if ok {
			fp.objs[b] = len(fp.fact.Objects)
			o := object{Kind: kind, Class: class, Name: name, Line: fp.pass.File.Lines.Position(a.Start()).Line}
			switch kind {
			case web.FastAPIRouter:
				o.Prefix = fp.prefix(argument(right, -1, "prefix"))
			case web.FlaskBlueprint:
				o.Prefix = fp.prefix(argument(right, -1, "url_prefix"))
			case 0:
				o.Prefix = fp.prefix(argument(right, -1, "prefix"))
				if o.Prefix == (prefix{}) {
					o.Prefix = fp.prefix(argument(right, -1, "url_prefix"))
				}
			}
			if kind == web.FastAPIApp || kind == web.FastAPIRouter || kind == 0 {
				o.Deps = fp.depsIn(argument(right, -1, "dependencies"), nil)
			}
			if kind == web.FastAPIRouter || kind == 0 {
				o.Fix = fp.fixer().routerFix(right)
			}
			if module {
				if kind != 0 {
					fp.fact.Symbols[name] = symbol{Kind: symObject, Obj: len(fp.fact.Objects)}
				} else {
					// Maybe an app or router, maybe an instance of
					// anything else (`api_key_header = APIKeyHeader(...)`,
					// a scheme): both, the project phase decides.
					fp.fact.Symbols[name] = symbol{Kind: symInstance, Ref: class, Obj: len(fp.fact.Objects), MaybeObj: true}
				}
			}
			fp.fact.Objects = append(fp.fact.Objects, o)
			return
		}
	}
	if !module {
		return
	}
	switch {
	case fp.isDependsCall(right):
		if d, ok := fp.dependsTarget(right, syntax.Node{}); ok {
			fp.fact.Symbols[name] = symbol{Kind: symAlias, Deps: []dep{d}}
		}
	case right.Is(syntax.KindSubscript):
		if deps := fp.depsIn(right, nil); len(deps) > 0 {
			fp.fact.Symbols[name] = symbol{Kind: symAlias, Deps: deps}
		}
	case right.Is(syntax.KindString):
		// Only paths: a prefix may be read from a constant.
		if v, ok := right.StringLiteral(); ok && strings.HasPrefix(v, "/") && len(b.Scope.Bindings(name)) == 1 {
			fp.fact.Symbols[name] = symbol{Kind: symConst, Value: v}
		}
	case right.Is(syntax.KindCall):
		if r := fp.ref(right.ChildByField(syntax.FieldFunction)); !r.IsZero() && r.Kind != project.Unbound {
			fp.fact.Symbols[name] = symbol{Kind: symInstance, Ref: r}
		}
	case right.Is(syntax.KindIdentifier) || right.Is(syntax.KindAttribute):
		if len(b.Scope.Bindings(name)) == 1 {
			if r := fp.ref(right); !r.IsZero() {
				fp.fact.Symbols[name] = symbol{Kind: symRef, Ref: r}
			}
		}
	}
}

// maybeObject reports whether `name = fn(...)` may make an app or router
// of a class xylint does not know by name (a subclass of APIRouter or
// Flask, a class a factory made): the class's or the variable's name says
// so (PrefectRouter, CTFdFlask; router, app, bp). The project phase
// decides from the class's bases.
func maybeObject(name string, fn syntax.Node) bool {
	if fn.Is(syntax.KindAttribute) {
		fn = fn.ChildByField(syntax.FieldAttribute)
	}
	if !fn.Is(syntax.KindIdentifier) {
		return false
	}
	callee := strings.ToLower(string(fn.Text()))
	for _, w := range []string{"router", "blueprint", "flask", "fastapi", "app", "api"} {
		if strings.Contains(callee, w) {
			return true
		}
	}
	name = strings.ToLower(name)
	for _, w := range []string{"router", "app", "api", "bp", "blueprint"} {
		if name == w || strings.HasSuffix(name, "_"+w) || strings.HasPrefix(name, w+"_") {
			return true
		}
	}
	return false
}

// function records a module-level def's parameter dependencies, its
// decorators and whether it checks credentials itself (for a view that
// another module registers with add_url_rule), and the bases of a class it
// defines and returns (a factory of router classes).
func (fp *filePass) function(def syntax.Node) {
	name := def.ChildByField(syntax.FieldName)
	if !name.Is(syntax.KindIdentifier) || fp.r.ScopeAt(def).Kind != names.ModuleScope {
		return
	}
	s := symbol{Kind: symFunc, Deps: fp.paramDeps(def), Decos: fp.decoratorRefs(def), Returns: fp.returnedClassBases(def)}
	if fp.mayCheckAuth() {
		s.BodyAuth = fp.checksAuthInBody(def)
		s.Checks = s.BodyAuth && checksCredentials(def)
	}
	if inner := returnedDef(def); !inner.IsZero() {
		s.ReturnDeps = fp.paramDeps(inner)
		s.ReturnAuth = fp.mayCheckAuth() && fp.checksAuthInBody(inner)
	}
	s.AuthDeco = authDecorator(def)
	if !s.Checks {
		s.Callees = fp.callees(def)
	}
	if len(s.Deps) > 0 || len(s.Decos) > 0 || s.BodyAuth || len(s.Returns) > 0 || len(s.ReturnDeps) > 0 || s.ReturnAuth ||
		s.AuthDeco || len(s.Callees) > 0 {
		fp.fact.Symbols[string(name.Text())] = s
	}
}

// returnedDef is the function def defines in its body and returns (`def
// dependency(...): ...; return dependency`), or the zero Node.
func returnedDef(def syntax.Node) syntax.Node {
	defs := map[string]syntax.Node{}
	var out syntax.Node
	for st := range def.ChildByField(syntax.FieldBody).NamedChildren() {
		if st.Is(syntax.KindDecoratedDefinition) {
			st = st.ChildByField(syntax.FieldDefinition)
		}
		switch {
		case st.Is(syntax.KindFunctionDefinition):
			defs[string(st.ChildByField(syntax.FieldName).Text())] = st
		case st.Is(syntax.KindReturnStatement):
			if v := st.FirstNamedChild().Unparen(); v.Is(syntax.KindIdentifier) {
				if d, ok := defs[string(v.Text())]; ok {
					out = d
				}
			}
		}
	}
	return out
}

// returnedClassBases returns the bases of a class def defines in its body
// and returns (`class _Router(APIRouter): ...; return _Router`).
func (fp *filePass) returnedClassBases(def syntax.Node) []project.Ref {
	body := def.ChildByField(syntax.FieldBody)
	classes := map[string]syntax.Node{}
	var out []project.Ref
	for st := range body.NamedChildren() {
		if st.Is(syntax.KindDecoratedDefinition) {
			st = st.ChildByField(syntax.FieldDefinition)
		}
		switch {
		case st.Is(syntax.KindClassDefinition):
			classes[string(st.ChildByField(syntax.FieldName).Text())] = st
		case st.Is(syntax.KindReturnStatement):
			v := st.FirstNamedChild().Unparen()
			c, ok := classes[string(v.Text())]
			if !v.Is(syntax.KindIdentifier) || !ok {
				continue
			}
			out = append(out, fp.bases(c)...)
		}
	}
	return out
}

// bases returns the refs of a class definition's base classes (not
// keywords such as metaclass=).
func (fp *filePass) bases(c syntax.Node) []project.Ref {
	var out []project.Ref
	for b := range c.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
		if b.Is(syntax.KindKeywordArgument) {
			continue
		}
		if r := fp.ref(b); !r.IsZero() && r.Kind != project.Unbound {
			out = append(out, r)
		}
	}
	return out
}

// decoratorRefs returns the refs of the decorators of def (a function or
// class definition), for Flask auth decorators.
func (fp *filePass) decoratorRefs(def syntax.Node) []project.Ref {
	d := def.Parent()
	if !d.Is(syntax.KindDecoratedDefinition) {
		return nil
	}
	var out []project.Ref
	for c := range d.NamedChildren() {
		if !c.Is(syntax.KindDecorator) {
			continue
		}
		callee := c.FirstNamedChild().Unparen()
		if callee.Is(syntax.KindCall) {
			callee = callee.ChildByField(syntax.FieldFunction)
		}
		if r := fp.ref(callee); !r.IsZero() {
			out = append(out, r)
		}
	}
	return out
}

// class records the dependencies of a module-level class's __init__ (for
// Depends(Class)) and __call__ (for Depends(instance)).
func (fp *filePass) class(c syntax.Node) {
	name := c.ChildByField(syntax.FieldName)
	if !name.Is(syntax.KindIdentifier) || fp.r.ScopeAt(c).Kind != names.ModuleScope {
		return
	}
	var s symbol
	s.Bases = fp.bases(c)
	for _, b := range s.Bases {
		s.Scheme = s.Scheme || isScheme(b.String())
	}
	for st := range c.ChildByField(syntax.FieldBody).NamedChildren() {
		def := st
		if def.Is(syntax.KindDecoratedDefinition) {
			def = def.ChildByField(syntax.FieldDefinition)
		}
		if def.Is(syntax.KindExpressionStatement) {
			fp.classConst(&s, def.FirstNamedChild())
			fp.viewDecorators(&s, def.FirstNamedChild())
			fp.attrDeps(&s, def.FirstNamedChild())
			continue
		}
		if !def.Is(syntax.KindFunctionDefinition) {
			continue
		}
		switch n := def.ChildByField(syntax.FieldName); {
		case n.TextIs("__init__"):
			s.Deps = fp.paramDeps(def)
			s.InitDeps = fp.superInitDeps(def)
		case n.TextIs("__call__"):
			s.CallDeps = fp.paramDeps(def)
			s.CallAuth = fp.mayCheckAuth() && fp.checksAuthInBody(def)
		default:
			// A Flask class-based view's handlers (MethodView).
			if m := strings.ToUpper(string(n.Text())); web.FlaskViewMethods[m] {
				s.Methods = append(s.Methods, m)
				s.BodyAuth = s.BodyAuth || fp.mayCheckAuth() && fp.checksAuthInBody(def)
			}
		}
	}
	if len(s.Deps) > 0 || len(s.CallDeps) > 0 || s.CallAuth || len(s.Consts) > 0 || len(s.Decos) > 0 || len(s.Methods) > 0 || s.Scheme ||
		len(s.Bases) > 0 || len(s.AttrDeps) > 0 || len(s.InitDeps) > 0 {
		s.Kind = symClass
		fp.fact.Symbols[string(name.Text())] = s
	}
}

// superInitDeps returns the dependencies an __init__ passes to its base's:
// `super().__init__(..., dependencies=[Depends(x)])`.
func (fp *filePass) superInitDeps(def syntax.Node) []dep {
	var out []dep
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("__init__") {
			continue
		}
		if obj := fn.ChildByField(syntax.FieldObject).Unparen(); obj.Is(syntax.KindCall) && obj.ChildByField(syntax.FieldFunction).TextIs("super") {
			out = fp.depsIn(argument(n, -1, "dependencies"), out)
		}
	}
	return out
}

// attrDeps records a class attribute's dependency (`user: User =
// Depends(get_current_user)`, `user: Annotated[User,
// Depends(get_current_user)]`), which FastAPI resolves for every route of
// a class-based view.
func (fp *filePass) attrDeps(s *symbol, a syntax.Node) {
	if !a.Is(syntax.KindAssignment) || !a.ChildByField(syntax.FieldLeft).Is(syntax.KindIdentifier) {
		return
	}
	var annotation syntax.Node
	if t := a.ChildByField(syntax.FieldType); !t.IsZero() {
		annotation = t.FirstNamedChild()
	}
	if v := a.ChildByField(syntax.FieldRight).Unparen(); fp.isDependsCall(v) {
		if d, ok := fp.dependsTarget(v, annotation); ok {
			s.AttrDeps = append(s.AttrDeps, d)
		}
		return
	}
	if !annotation.IsZero() && !annotation.Is(syntax.KindIdentifier) && !annotation.Is(syntax.KindAttribute) {
		s.AttrDeps = fp.depsIn(annotation, s.AttrDeps) // Annotated[User, Depends(...)]
	}
}

// viewDecorators records a Flask class-based view's `decorators = [...]`,
// which as_view() applies to the view.
func (fp *filePass) viewDecorators(s *symbol, a syntax.Node) {
	if !a.Is(syntax.KindAssignment) || !a.ChildByField(syntax.FieldLeft).TextIs("decorators") {
		return
	}
	l := a.ChildByField(syntax.FieldRight).Unparen()
	if !l.Is(syntax.KindList) && !l.Is(syntax.KindTuple) {
		return
	}
	for e := range l.NamedChildren() {
		if e.Is(syntax.KindCall) {
			e = e.ChildByField(syntax.FieldFunction)
		}
		if r := fp.ref(e); !r.IsZero() {
			s.Decos = append(s.Decos, r)
		}
	}
}

// classConst records a class attribute holding a string
// (`API_V1_STR: str = "/api/v1"`).
func (fp *filePass) classConst(s *symbol, a syntax.Node) {
	if !a.Is(syntax.KindAssignment) {
		return
	}
	left := a.ChildByField(syntax.FieldLeft)
	if v, ok := a.ChildByField(syntax.FieldRight).StringLiteral(); ok && strings.HasPrefix(v, "/") && left.Is(syntax.KindIdentifier) {
		if s.Consts == nil {
			s.Consts = map[string]string{}
		}
		s.Consts[string(left.Text())] = v
	}
}

// prefix records a path prefix argument.
func (fp *filePass) prefix(n syntax.Node) prefix {
	if n.IsZero() {
		return prefix{}
	}
	if s, ok := n.StringLiteral(); ok {
		return prefix{Lit: s}
	}
	return prefix{Ref: fp.ref(n), Text: string(n.Text())}
}

// decorated records routes declared by decorators and Flask before_request
// hooks.
func (fp *filePass) decorated(d syntax.Node) {
	def := d.ChildByField(syntax.FieldDefinition)
	if !def.Is(syntax.KindFunctionDefinition) {
		return
	}
	var decos, decoNodes []syntax.Node
	for c := range d.NamedChildren() {
		if c.Is(syntax.KindDecorator) {
			decos = append(decos, c.FirstNamedChild().Unparen())
			decoNodes = append(decoNodes, c)
		}
	}
	isRoute := make([]bool, len(decos))
	var routes []int // indexes into fp.fact.Routes
	for _, e := range decos {
		if fp.hookDecorator(e, def) || fp.middlewareDecorator(e, def) {
			continue
		}
		if !e.Is(syntax.KindCall) {
			continue
		}
		fn := e.ChildByField(syntax.FieldFunction).Unparen()
		if !fn.Is(syntax.KindAttribute) {
			continue
		}
		attr := fn.ChildByField(syntax.FieldAttribute)
		method, ok := web.RouteDecorators[string(attr.Text())]
		if !ok {
			continue
		}
		obj := fp.ref(fn.ChildByField(syntax.FieldObject))
		if obj.IsZero() || obj.Kind == project.Unbound {
			continue
		}
		rt := route{Obj: obj, At: fp.rangeOf(e.Parent()), Class: fp.enclosingClass(d)}
		rt.Path = pathOf(argument(e, 0, "path"), argument(e, 0, "rule"))
		rt.Methods = methodsOf(e, method)
		rt.Deps = fp.depsIn(argument(e, -1, "dependencies"), nil)
		rt.Deps = append(rt.Deps, fp.paramDeps(def)...)
		rt.BodyAuth = fp.checksAuthInBody(def)
		if !rt.BodyAuth {
			rt.Callees = fp.callees(def)
		}
		rt.Convention = fp.handlerConvention(def, d)
		rt.Session = fp.sessionScope(def)
		rt.FlagGate = flagGate(def)
		if rt.Convention == "" && unauthenticatedroute.ReadOnly(rt.Methods) && declaresStatic(def) {
			rt.Convention = unauthenticatedroute.Static
		}
		rt.Fix = fp.fixer().routeFix(e, rt.Methods)
		for _, other := range decos {
			if other == e {
				continue
			}
			callee := other
			if callee.Is(syntax.KindCall) {
				callee = callee.ChildByField(syntax.FieldFunction)
			}
			if r := fp.ref(callee); !r.IsZero() {
				rt.Decos = append(rt.Decos, r)
			}
		}
		for i := range decos {
			isRoute[i] = isRoute[i] || decos[i] == e
		}
		routes = append(routes, len(fp.fact.Routes))
		fp.fact.Routes = append(fp.fact.Routes, rt)
	}
	if len(routes) > 0 {
		fix := fp.fixer().flaskFix(decoNodes, isRoute)
		for _, i := range routes {
			fp.fact.Routes[i].FlaskFix = fix
		}
	}
}

// docstring is a function's docstring, or "".
func docstring(def syntax.Node) string {
	first := def.ChildByField(syntax.FieldBody).FirstNamedChild()
	if !first.Is(syntax.KindExpressionStatement) {
		return ""
	}
	str := first.FirstNamedChild()
	if !str.Is(syntax.KindString) {
		return ""
	}
	return string(str.Text())
}

// loginForms are fastapi.security's login form classes: a handler that
// takes one is a sign-in endpoint.
var loginForms = []string{"OAuth2PasswordRequestForm", "OAuth2PasswordRequestFormStrict"}

// tokenMakers are the usual names of functions that create a token for the
// caller: a handler that calls one issues tokens (sign-in). Not
// `generate_access_token`, which in Google's samples fetches the server's
// own credentials.
var tokenMakers = []string{"create_access_token", "create_refresh_token", "create_token", "create_jwt",
	"encode_jwt", "issue_token", "sign_jwt", "create_jwt_token"}

// handlerConvention says why a handler is public by convention as only
// its definition shows: its docstring or its class's name declares it
// public, it takes fastapi.security's login form, or it issues a token
// (calls create_access_token, jwt.encode, ...). d is the decorated
// definition.
func (fp *filePass) handlerConvention(def, d syntax.Node) string {
	if doc := docstring(def); doc != "" {
		doc = strings.ToLower(strings.ReplaceAll(doc, "\n", " "))
		for _, t := range unauthenticatedroute.DeclaredPublicText {
			if strings.Contains(doc, t) {
				return unauthenticatedroute.Declared + " in its docstring"
			}
		}
	}
	if c := d.Parent().Parent(); d.Parent().Is(syntax.KindBlock) && c.Is(syntax.KindClassDefinition) {
		names := []syntax.Node{c.ChildByField(syntax.FieldName)}
		for b := range c.ChildByField(syntax.FieldSuperclasses).NamedChildren() {
			names = append(names, b)
		}
		for _, n := range names {
			if bytes.Contains(n.Text(), []byte("Public")) {
				return unauthenticatedroute.Declared + " by its class (" + string(n.Text()) + ")"
			}
		}
	}
	for p := range def.ChildByField(syntax.FieldParameters).NamedChildren() {
		for n := range p.Descendants() {
			if !n.Is(syntax.KindIdentifier) && !n.Is(syntax.KindAttribute) {
				continue
			}
			if q := fp.qualified(n); q != "" && slices.Contains(loginForms, q[strings.LastIndexByte(q, '.')+1:]) && strings.HasPrefix(q, "fastapi.") {
				return unauthenticatedroute.SignIn
			}
		}
	}
	if fp.servesFiles(def.ChildByField(syntax.FieldBody)) {
		return unauthenticatedroute.Static
	}
	if firstRunSetup(def) {
		return unauthenticatedroute.FirstRun
	}
	if publicCacheControl(def.ChildByField(syntax.FieldBody)) {
		return unauthenticatedroute.Declared + " by its response header (Cache-Control: public)"
	}
	if t := fp.bodyToken(def); t != "" {
		return unauthenticatedroute.BodyCapability + " (" + t + ")"
	}
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if q := fp.qualified(fn); q == "jwt.encode" {
			return unauthenticatedroute.TokenIssue
		}
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		if fn.Is(syntax.KindIdentifier) && slices.Contains(tokenMakers, string(fn.Text())) {
			return unauthenticatedroute.TokenIssue
		}
	}
	return ""
}

// setupHandlers are the names of first-run setup handlers.
var setupHandlers = []string{"setup", "install", "installer", "initial_setup", "first_run", "setup_wizard", "first_time_setup"}

// firstRunSetup: the handler is named for first-run setup (redash's and
// CTFd's `def setup():`) and returns a redirect somewhere — to the app once
// it is set up (`if current_org != None: return redirect("/")`).
func firstRunSetup(def syntax.Node) bool {
	if !slices.Contains(setupHandlers, strings.ToLower(string(def.ChildByField(syntax.FieldName).Text()))) {
		return false
	}
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindReturnStatement) {
			continue
		}
		v := n.FirstNamedChild().Unparen()
		if !v.Is(syntax.KindCall) {
			continue
		}
		fn := v.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		if fn.TextIs("redirect") || fn.TextIs("RedirectResponse") {
			return true
		}
	}
	return false
}

// secretField: a field that holds a secret token (invitation_token,
// claim_token, client_secret, token) — not a CSRF token, which proves the
// form's origin, not who may act.
var secretField = regexp.MustCompile(`(?i)^(\w+_)?(token|secret)$`)

// lookupVerb: a call that finds, claims or checks something by what it is
// given (get_seat_by_token, claim_seat, redeem, verify_invitation).
var lookupVerb = regexp.MustCompile(`(?i)(^|_)(get|find|fetch|lookup|load|claim|redeem|accept|consume|verify|validate|check|use|by)(_|$)`)

// bodyToken names the secret token the handler reads from its request
// body and hands to a lookup (`seat_claim.invitation_token` given to
// `claim_seat(...)`): a parameter of the handler that is no dependency
// (a body model), one of its fields named for a token or secret, given to
// a call whose name finds, claims or checks by it. The caller proves what
// it may do by knowing the token, as with a capability URL. "" otherwise.
func (fp *filePass) bodyToken(def syntax.Node) string {
	params := map[string]bool{}
	for p := range def.ChildByField(syntax.FieldParameters).NamedChildren() {
		if !p.Is(syntax.KindTypedParameter) {
			continue // a body model is typed; `x = Depends(...)` is a default
		}
		name := p.FirstNamedChild()
		typ := string(p.ChildByField(syntax.FieldType).Text())
		if name.Is(syntax.KindIdentifier) && !strings.Contains(typ, "Request") && !strings.Contains(typ, "Depends") && !strings.Contains(typ, "Session") {
			params[string(name.Text())] = true
		}
	}
	if len(params) == 0 {
		return ""
	}
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindAttribute) {
			continue
		}
		obj, attr := n.ChildByField(syntax.FieldObject).Unparen(), string(n.ChildByField(syntax.FieldAttribute).Text())
		if !obj.Is(syntax.KindIdentifier) || !params[string(obj.Text())] || !secretField.MatchString(attr) || strings.Contains(strings.ToLower(attr), "csrf") {
			continue
		}
		arg := n
		for arg.Parent().Is(syntax.KindKeywordArgument) || arg.Parent().Is(syntax.KindParenthesizedExpression) {
			arg = arg.Parent()
		}
		if !arg.Parent().Is(syntax.KindArgumentList) {
			continue
		}
		fn := arg.Parent().Parent().ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		if fn.Is(syntax.KindIdentifier) && lookupVerb.MatchString(string(fn.Text())) {
			return "`" + string(n.Text()) + "` given to `" + string(fn.Text()) + "`"
		}
	}
	return ""
}

// flagWord: a configuration flag that turns on a debug, safe or
// development mode.
var flagWord = regexp.MustCompile(`(?i)\b\w*(debug|safe_mode|testing|development|dev_mode)\w*\b`)

// flagGate returns the condition under which alone the handler answers,
// when it reads a debug or safe-mode flag of the configuration
// (`app.config.get("SAFE_MODE")`, `settings.DEBUG`, `os.environ.get(
// "DEBUG")`): the handler's body (after its docstring) is an `if` on it
// whose branch answers, followed only by an error (`abort(404)`, a raise,
// a 404/403 response); or it starts with `if not <flag>:` that refuses.
// Such a route is not served where the flag is off, as production is
// meant to be. "" otherwise.
func flagGate(def syntax.Node) string {
	var stmts []syntax.Node
	for st := range def.ChildByField(syntax.FieldBody).NamedChildren() {
		if st.Is(syntax.KindComment) || len(stmts) == 0 && st.Is(syntax.KindExpressionStatement) && st.FirstNamedChild().Is(syntax.KindString) {
			continue
		}
		stmts = append(stmts, st)
	}
	if len(stmts) == 0 || !stmts[0].Is(syntax.KindIfStatement) {
		return ""
	}
	cond := stmts[0].ChildByField(syntax.FieldCondition).Unparen()
	text := string(cond.Text())
	if !flagWord.MatchString(text) || !strings.ContainsAny(text, ".[(") {
		return "" // a flag read from the configuration, not a local name
	}
	negated := cond.Is(syntax.KindNotOperator)
	refuses := func(sts []syntax.Node) bool {
		if len(sts) == 0 {
			return false
		}
		for _, st := range sts {
			if !refusal(st) {
				return false
			}
		}
		return true
	}
	if negated {
		// `if not DEBUG: abort(404)` first, the route's work after.
		var body []syntax.Node
		for st := range stmts[0].ChildByField(syntax.FieldConsequence).NamedChildren() {
			if !st.Is(syntax.KindComment) {
				body = append(body, st)
			}
		}
		if refuses(body) {
			return string(cond.ChildByField(syntax.FieldArgument).Text())
		}
		return ""
	}
	rest := stmts[1:]
	if alt := stmts[0].ChildByField(syntax.FieldAlternative); !alt.IsZero() {
		if len(rest) > 0 || !alt.Is(syntax.KindElseClause) {
			return ""
		}
		for st := range alt.ChildByField(syntax.FieldBody).NamedChildren() {
			if !st.Is(syntax.KindComment) {
				rest = append(rest, st)
			}
		}
	}
	if refuses(rest) {
		return text
	}
	return ""
}

// refusal: a statement that answers with an error — `abort(404)`, a raise,
// `return ..., 404` or a 403.
func refusal(st syntax.Node) bool {
	switch {
	case st.Is(syntax.KindRaiseStatement):
		return true
	case st.Is(syntax.KindExpressionStatement):
		c := st.FirstNamedChild().Unparen()
		if !c.Is(syntax.KindCall) {
			return false
		}
		fn := c.ChildByField(syntax.FieldFunction).Unparen()
		if fn.Is(syntax.KindAttribute) {
			fn = fn.ChildByField(syntax.FieldAttribute)
		}
		return fn.TextIs("abort")
	case st.Is(syntax.KindReturnStatement):
		t := string(st.Text())
		return strings.Contains(t, "404") || strings.Contains(t, "403") || strings.Contains(t, "NOT_FOUND") || strings.Contains(t, "FORBIDDEN")
	}
	return false
}

// sessionScope says how the handler identifies its caller by a session
// ID, or "": it reads a session cookie (`request.cookies.get("session_id")`,
// a name holding "session" or "sid"), the key of the caller's own state.
// Flask's `session` and Starlette's `request.session` are not enough: they
// also hold a CSRF nonce or a login while the handler changes shared state
// (CTFd's first-run /setup writes the site's configuration).
func (fp *filePass) sessionScope(def syntax.Node) string {
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		fn := n.ChildByField(syntax.FieldFunction)
		if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("get") || !bytes.HasSuffix(fn.ChildByField(syntax.FieldObject).Text(), []byte(".cookies")) {
			continue
		}
		if k, ok := n.ChildByField(syntax.FieldArguments).PositionalArg(0).StringLiteral(); ok {
			if l := strings.ToLower(k); strings.Contains(l, "session") || l == "sid" {
				return "`" + string(n.Text()) + "`"
			}
		}
	}
	return ""
}

// declaresStatic reports whether a handler says it serves static files:
// a word of its name is "static" (`static_file`, `serve_static`,
// `static_proxy`), or its docstring speaks of static files, assets or
// content ("Gets static files from the static file server"; not "sends a
// request to the static file server", a proxy of other requests). A gateway that forwards `GET
// /<path>` to the static server serves what any visitor's browser loads.
func declaresStatic(def syntax.Node) bool {
	for _, w := range strings.Split(strings.ToLower(string(def.ChildByField(syntax.FieldName).Text())), "_") {
		if w == "static" || w == "statics" {
			return true
		}
	}
	doc := strings.ToLower(strings.Join(strings.Fields(docstring(def)), " "))
	return strings.Contains(doc, "static files") || strings.Contains(doc, "static assets") || strings.Contains(doc, "static content")
}

// fileSenders serve a file from disk as the response.
var fileSenders = []string{"flask.send_from_directory", "flask.send_file", "flask.helpers.send_from_directory",
	"flask.helpers.send_file", "werkzeug.utils.send_from_directory", "werkzeug.utils.send_file",
	"fastapi.responses.FileResponse", "starlette.responses.FileResponse", "quart.send_from_directory", "quart.send_file"}

// servesFiles reports whether the handler's body (after its docstring) is
// only `return send_from_directory(...)` (or send_file, FileResponse): a
// file server, like Go's http.FileServer.
func (fp *filePass) servesFiles(body syntax.Node) bool {
	var ret syntax.Node
	for st := range body.NamedChildren() {
		switch {
		case st.Is(syntax.KindComment):
		case st.Is(syntax.KindExpressionStatement) && st.FirstNamedChild().Is(syntax.KindString) && ret.IsZero():
		case st.Is(syntax.KindReturnStatement) && ret.IsZero():
			ret = st
		default:
			return false
		}
	}
	v := ret.FirstNamedChild().Unparen()
	if !v.Is(syntax.KindCall) {
		return false
	}
	return slices.Contains(fileSenders, fp.qualified(v.ChildByField(syntax.FieldFunction)))
}

// publicCacheControl reports whether the handler's body sets a
// `Cache-Control: public` header (`resp.headers["Cache-Control"] =
// "public, max-age=604800"`, `headers={"Cache-Control": "public"}`,
// `headers.set("Cache-Control", "public")`): the response may be cached
// and served to anyone, so the route is public by its own declaration.
func publicCacheControl(body syntax.Node) bool {
	isName := func(n syntax.Node) bool {
		n = n.Unparen()
		return n.Is(syntax.KindString) && strings.EqualFold(strings.Trim(string(n.Text()), `"'`), "cache-control")
	}
	isPublic := func(n syntax.Node) bool {
		n = n.Unparen()
		return n.Is(syntax.KindString) && strings.HasPrefix(strings.ToLower(strings.TrimLeft(string(n.Text()), `"'`)), "public")
	}
	for n := range body.Descendants() {
		switch n.Kind() {
		case syntax.KindAssignment:
			l := n.ChildByField(syntax.FieldLeft)
			if l.Is(syntax.KindSubscript) && isName(l.ChildByField(syntax.FieldSubscript)) && isPublic(n.ChildByField(syntax.FieldRight)) {
				return true
			}
		case syntax.KindPair:
			if isName(n.ChildByField(syntax.FieldKey)) && isPublic(n.ChildByField(syntax.FieldValue)) {
				return true
			}
		case syntax.KindArgumentList:
			if isName(n.PositionalArg(0)) && isPublic(n.PositionalArg(1)) {
				return true
			}
		}
	}
	return false
}

// enclosingClass is the module-level class whose method the decorated
// definition d is, or the zero Ref.
func (fp *filePass) enclosingClass(d syntax.Node) project.Ref {
	block := d.Parent()
	if !block.Is(syntax.KindBlock) {
		return project.Ref{}
	}
	c := block.Parent()
	if !c.Is(syntax.KindClassDefinition) || fp.r.ScopeAt(c).Kind != names.ModuleScope {
		return project.Ref{}
	}
	return fp.ref(c.ChildByField(syntax.FieldName))
}

// checksAuthInBody reports whether a handler checks credentials itself:
// its body answers 401 or 403 (a literal, HTTPStatus.UNAUTHORIZED,
// status.HTTP_403_FORBIDDEN, ...) or calls a token verifier
// (id_token.verify_oauth2_token, auth.verify_id_token, verify_token).
func (fp *filePass) checksAuthInBody(def syntax.Node) bool {
	body := def.ChildByField(syntax.FieldBody)
	for n := range body.Descendants() {
		switch n.Kind() {
		case syntax.KindInteger:
			if n.TextIs("401") || n.TextIs("403") {
				return true
			}
		case syntax.KindAttribute:
			a := n.ChildByField(syntax.FieldAttribute)
			if a.TextIs("UNAUTHORIZED") || a.TextIs("FORBIDDEN") || a.TextIs("HTTP_401_UNAUTHORIZED") || a.TextIs("HTTP_403_FORBIDDEN") {
				return true
			}
		case syntax.KindRaiseStatement:
			// raise Unauthorized(), raise PermissionDenied
			if e := raisedName(n); e != "" && slices.Contains(unauthorizedNames, e) {
				return true
			}
		case syntax.KindCall:
			fn := n.ChildByField(syntax.FieldFunction).Unparen()
			if fn.Is(syntax.KindAttribute) {
				fn = fn.ChildByField(syntax.FieldAttribute)
			}
			if fn.Is(syntax.KindIdentifier) && verifiesCredential(string(fn.Text())) {
				return true
			}
			if fn.TextIs("redirect") && mentionsLogin(n) {
				return true // sends the caller to sign in: it checked
			}
		}
	}
	// A credential compared with what is expected, and the request ended
	// on a mismatch, whatever the status.
	return rejectsAnonymous(body, helperGuard, "")
}

// checksCredentials reports whether def (a helper a handler calls)
// rejects the request for its credentials: it ends it with a 401 or 403
// (abort(401), raise HTTPException(403), raise Unauthorized()), calls a
// verifier, or compares a credential and ends the request on a mismatch.
// Stricter than checksAuthInBody, which takes any 401 in a handler's own
// body: a helper that calls another service may test a 401 of its
// answer.
func checksCredentials(def syntax.Node) bool {
	body := def.ChildByField(syntax.FieldBody)
	for n := range body.Descendants() {
		switch n.Kind() {
		case syntax.KindRaiseStatement:
			if is401or403(n) {
				return true
			}
		case syntax.KindCall:
			fn := n.ChildByField(syntax.FieldFunction).Unparen()
			if fn.Is(syntax.KindAttribute) {
				fn = fn.ChildByField(syntax.FieldAttribute)
			}
			if fn.TextIs("abort") && is401or403(n) || fn.Is(syntax.KindIdentifier) && verifiesCredential(string(fn.Text())) {
				return true
			}
		}
	}
	return rejectsAnonymous(body, helperGuard, "")
}

// mentionsLogin reports whether a redirect's arguments name a sign-in
// page (`redirect(url_for("auth.login"))`, `redirect("/signin")`).
func mentionsLogin(call syntax.Node) bool {
	t := strings.ToLower(string(call.ChildByField(syntax.FieldArguments).Text()))
	return strings.Contains(t, "login") || strings.Contains(t, "signin") || strings.Contains(t, "sign_in") || strings.Contains(t, "sign-in")
}

// verifiesCredential reports whether a function's name says it verifies
// a credential: verify_token, verify_signature, _verify_webhook,
// construct_event (Stripe's), wh.verify(...), check_api_key ...
func verifiesCredential(name string) bool {
	n := strings.ToLower(name)
	if n == "verify" || n == "construct_event" || n == "verify_jwt_in_request" {
		return true
	}
	if !strings.Contains(n, "verify") && !strings.Contains(n, "validate") && !strings.HasPrefix(strings.TrimLeft(n, "_"), "check") {
		return false
	}
	for _, w := range []string{"token", "signature", "sig", "hmac", "webhook", "key", "secret", "auth", "jwt", "credential", "password"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// raisedName is the class name a raise statement raises (`raise
// Unauthorized()`, `raise errors.Forbidden`), or "".
func raisedName(r syntax.Node) string {
	e := r.FirstNamedChild().Unparen()
	if e.Is(syntax.KindCall) {
		e = e.ChildByField(syntax.FieldFunction).Unparen()
	}
	if e.Is(syntax.KindAttribute) {
		e = e.ChildByField(syntax.FieldAttribute)
	}
	if e.Is(syntax.KindIdentifier) {
		return string(e.Text())
	}
	return ""
}

// callees are the module-level functions a function's body calls, as
// refs (imported or defined in the file): the project phase follows them
// to a helper that checks credentials.
func (fp *filePass) callees(def syntax.Node) []project.Ref {
	var out []project.Ref
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		r := fp.ref(n.ChildByField(syntax.FieldFunction))
		if r.IsZero() || r.Kind == project.Unbound || r.Kind == project.Object || r.Call || slices.Contains(out, r) {
			continue
		}
		if out = append(out, r); len(out) == maxCallees {
			break
		}
	}
	return out
}

// maxCallees bounds the calls recorded per function.
const maxCallees = 24

// authDecorator reports whether def is a decorator (or a decorator
// factory: `require_role("admin")`) whose wrapper turns away a caller that
// is not identified before it calls the view: CTFd's @admins_only and
// @authed_only, a hand-written @login_required.
func authDecorator(def syntax.Node) bool {
	return wrapperRejects(def, 0)
}

func wrapperRejects(d syntax.Node, depth int) bool {
	if depth > 2 {
		return false
	}
	wrapped := firstParamName(d)
	for n := range d.ChildByField(syntax.FieldBody).Descendants() {
		if !n.Is(syntax.KindFunctionDefinition) {
			continue
		}
		if wrapped != "" && callsName(n, wrapped) && rejectsAnonymous(n.ChildByField(syntax.FieldBody), hookGuard, wrapped) {
			return true
		}
		if wrapperRejects(n, depth+1) {
			return true
		}
	}
	return false
}

// firstParamName is the name of a def's first parameter, or "".
func firstParamName(def syntax.Node) string {
	for p := range def.ChildByField(syntax.FieldParameters).NamedChildren() {
		if p.Is(syntax.KindIdentifier) {
			return string(p.Text())
		}
		if n := p.ChildByField(syntax.FieldName); n.Is(syntax.KindIdentifier) {
			return string(n.Text())
		}
		return ""
	}
	return ""
}

// callsName reports whether def's body calls the name (the view a wrapper
// wraps).
func callsName(def syntax.Node, name string) bool {
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if n.Is(syntax.KindCall) && n.ChildByField(syntax.FieldFunction).Unparen().TextIs(name) {
			return true
		}
	}
	return false
}

// middlewareDecorator records FastAPI's function middleware,
// `@app.middleware("http")`, as a hook of the app: one that turns away
// callers without credentials protects every route of the app.
func (fp *filePass) middlewareDecorator(e, def syntax.Node) bool {
	if !e.Is(syntax.KindCall) {
		return false
	}
	fn := e.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs(web.Middleware) {
		return false
	}
	h := fp.hookOf(fp.ref(fn.ChildByField(syntax.FieldObject)), def, false)
	if (h.Obj.IsZero() || h.Obj.Kind == project.Unbound) && !fp.hookOnParam(&h, fn.ChildByField(syntax.FieldObject)) {
		return true
	}
	fp.fact.Hooks = append(fp.fact.Hooks, h)
	return true
}

// hookDecorator records `@app.before_request` / `@bp.before_app_request`.
func (fp *filePass) hookDecorator(e syntax.Node, def syntax.Node) bool {
	if !e.Is(syntax.KindAttribute) {
		return false
	}
	attr := e.ChildByField(syntax.FieldAttribute)
	if !web.RequestHooks[string(attr.Text())] {
		return false
	}
	h := fp.hookOf(fp.ref(e.ChildByField(syntax.FieldObject)), def, attr.TextIs("before_app_request"))
	if h.Obj.IsZero() && !fp.hookOnParam(&h, e.ChildByField(syntax.FieldObject)) {
		return true
	}
	fp.fact.Hooks = append(fp.fact.Hooks, h)
	return true
}

// hookOnParam points a hook set up on a parameter of a module-level
// function (`def init_app(app): @app.before_request ...`) at that
// function and parameter; false when obj is not such a parameter.
func (fp *filePass) hookOnParam(h *hook, obj syntax.Node) bool {
	if !obj.Is(syntax.KindIdentifier) {
		return false
	}
	b := fp.r.Lookup(obj)
	if b == nil || b.Kind != names.Parameter {
		return false
	}
	def := b.Scope.Node
	if !def.Is(syntax.KindFunctionDefinition) || fp.r.ScopeAt(def).Kind != names.ModuleScope {
		return false
	}
	i := 0
	for p := range def.ChildByField(syntax.FieldParameters).NamedChildren() {
		n := p
		if !n.Is(syntax.KindIdentifier) {
			n = p.ChildByField(syntax.FieldName)
		}
		if n.TextIs(b.Name) {
			name := string(def.ChildByField(syntax.FieldName).Text())
			h.Func, h.Param = project.LocalRef(name), i
			if _, ok := fp.fact.Symbols[name]; !ok {
				fp.fact.Symbols[name] = symbol{Kind: symFunc}
			}
			return true
		}
		i++
	}
	return false
}

// hookOf describes a before_request hook (or a function middleware): it
// rejects when it turns away a caller that is not identified (guards.go),
// or calls an auth check (decided in the project phase).
func (fp *filePass) hookOf(obj project.Ref, def syntax.Node, appWide bool) hook {
	body := def.ChildByField(syntax.FieldBody)
	h := hook{Obj: obj, AppWide: appWide, Rejects: rejectsAnonymous(body, hookGuard, "")}
	for n := range body.Descendants() {
		if n.Is(syntax.KindCall) {
			if r := fp.ref(n.ChildByField(syntax.FieldFunction)); !r.IsZero() {
				h.Callees = append(h.Callees, r)
			}
		}
	}
	return h
}

// call records include_router, mount, register_blueprint, add_api_route,
// the call forms of routes and hooks.
func (fp *filePass) call(c syntax.Node) {
	fn := c.ChildByField(syntax.FieldFunction).Unparen()
	fp.objArgs(c, fn)
	if fn.Is(syntax.KindCall) {
		// router.post("/x")(handler)
		fp.callFormRoute(c, fn)
		return
	}
	if !fn.Is(syntax.KindAttribute) {
		return
	}
	attr := fn.ChildByField(syntax.FieldAttribute)
	objNode := fn.ChildByField(syntax.FieldObject)
	reg, registers := web.RouteRegistrations[string(attr.Text())]
	switch {
	case slices.ContainsFunc(web.IncludeMethods, attr.TextIs), attr.TextIs("mount"):
		fp.include(c, attr, objNode)
	case registers && reg.Dependencies:
		// add_api_route, add_api_websocket_route: FastAPI routes (add_route
		// and add_websocket_route make Starlette routes, which have no
		// dependencies to check).
		obj := fp.ref(objNode)
		if obj.IsZero() || obj.Kind == project.Unbound {
			return
		}
		rt := route{Obj: obj, At: fp.rangeOf(c)}
		rt.Path = pathOf(argument(c, 0, "path"), syntax.Node{})
		rt.Methods = methodsOf(c, reg.Method)
		rt.Deps = fp.depsIn(argument(c, -1, "dependencies"), nil)
		if h := argument(c, 1, "endpoint"); !h.IsZero() {
			rt.Handler = fp.ref(h)
		}
		rt.Fix = fp.fixer().routeFix(c, rt.Methods)
		fp.fact.Routes = append(fp.fact.Routes, rt)
	case attr.TextIs("add_url_rule"):
		fp.urlRule(c, objNode)
	case web.RequestHooks[string(attr.Text())]:
		// app.before_request(check): the hook is a def of this file.
		obj := fp.ref(objNode)
		arg := argument(c, 0, "f")
		if obj.IsZero() || !arg.Is(syntax.KindIdentifier) || c.Parent().Is(syntax.KindDecorator) {
			return
		}
		if b := fp.r.Lookup(arg); b != nil && b.Kind == names.Definition {
			if def := b.Node.Parent(); def.Is(syntax.KindFunctionDefinition) {
				fp.fact.Hooks = append(fp.fact.Hooks, fp.hookOf(obj, def, attr.TextIs("before_app_request")))
			}
		}
	}
}

// objArgs records the apps and routers a call passes to a function
// (`init_request_processors(app)`).
func (fp *filePass) objArgs(c, fn syntax.Node) {
	if len(fp.objs) == 0 {
		return
	}
	i := 0
	for a := range c.ChildByField(syntax.FieldArguments).NamedChildren() {
		if a.Is(syntax.KindKeywordArgument) || a.Is(syntax.KindListSplat) || a.Is(syntax.KindDictionarySplat) {
			continue
		}
		if a.Is(syntax.KindIdentifier) {
			if b := fp.r.Lookup(a); b != nil {
				if _, ok := fp.objs[b]; ok {
					if callee := fp.ref(fn); !callee.IsZero() && callee.Kind != project.Unbound {
						fp.fact.ObjArgs = append(fp.fact.ObjArgs, objArg{Callee: callee, Index: i, Obj: fp.ref(a)})
					}
				}
			}
		}
		i++
	}
}

// urlRule records Flask's app.add_url_rule(rule, endpoint, view_func,
// methods=...). The view is a function, or a class-based view's
// `View.as_view("name")`; its auth decorators and body checks are read
// here when it is defined in this file, else by the project phase from the
// defining module's symbols.
func (fp *filePass) urlRule(c, objNode syntax.Node) {
	obj := fp.ref(objNode)
	if obj.IsZero() || obj.Kind == project.Unbound {
		return
	}
	rt := route{Obj: obj, At: fp.rangeOf(c)}
	rt.Path = pathOf(argument(c, 0, "rule"), syntax.Node{})
	explicit := !argument(c, -1, "methods").IsZero()
	rt.Methods = methodsOf(c, "")
	view := argument(c, 2, "view_func").Unparen()
	if view.Is(syntax.KindCall) {
		// View.as_view("name", ...)
		fn := view.ChildByField(syntax.FieldFunction).Unparen()
		if !fn.Is(syntax.KindAttribute) || !fn.ChildByField(syntax.FieldAttribute).TextIs("as_view") {
			return
		}
		view = fn.ChildByField(syntax.FieldObject).Unparen()
	}
	if view.IsZero() {
		return // endpoint only: the view is bound elsewhere (@app.endpoint)
	}
	var b *names.Binding
	if view.Is(syntax.KindIdentifier) {
		b = fp.r.Lookup(view)
	}
	if b != nil && b.Kind == names.Definition {
		var s symbol
		switch def := b.Node.Parent(); {
		case def.Is(syntax.KindFunctionDefinition):
			s = symbol{Decos: fp.decoratorRefs(def), BodyAuth: fp.checksAuthInBody(def)}
		case def.Is(syntax.KindClassDefinition):
			s = fp.fact.Symbols[string(view.Text())] // run has read the classes
		}
		rt.Decos, rt.BodyAuth = s.Decos, s.BodyAuth
		if !explicit && len(s.Methods) > 0 {
			rt.Methods = s.Methods
		}
	} else if r := fp.ref(view); !r.IsZero() && r.Kind != project.Unbound {
		rt.Handler = r
		rt.ViewMethods = !explicit
	}
	fp.fact.Routes = append(fp.fact.Routes, rt)
}

func (fp *filePass) callFormRoute(c, inner syntax.Node) {
	fn := inner.ChildByField(syntax.FieldFunction).Unparen()
	if !fn.Is(syntax.KindAttribute) || c.Parent().Is(syntax.KindDecorator) {
		return
	}
	attr := fn.ChildByField(syntax.FieldAttribute)
	method, ok := web.RouteDecorators[string(attr.Text())]
	if !ok {
		return
	}
	obj := fp.ref(fn.ChildByField(syntax.FieldObject))
	if obj.IsZero() || obj.Kind == project.Unbound {
		return
	}
	rt := route{Obj: obj, At: fp.rangeOf(c)}
	rt.Path = pathOf(argument(inner, 0, "path"), argument(inner, 0, "rule"))
	rt.Methods = methodsOf(inner, method)
	rt.Deps = fp.depsIn(argument(inner, -1, "dependencies"), nil)
	if h := argument(c, 0, ""); !h.IsZero() {
		rt.Handler = fp.ref(h)
	}
	rt.Fix = fp.fixer().routeFix(inner, rt.Methods)
	fp.fact.Routes = append(fp.fact.Routes, rt)
}

// include records parent.include_router(child, prefix=, dependencies=),
// parent.mount(path, child) and parent.register_blueprint(child,
// url_prefix=). A child named by a loop over a literal list is recorded
// once per element.
func (fp *filePass) include(c, attr, objNode syntax.Node) {
	parent := fp.ref(objNode)
	if parent.IsZero() || parent.Kind == project.Unbound {
		return
	}
	in := include{Parent: parent, Line: fp.pass.File.Lines.Position(c.Start()).Line, DevOnly: devOnlyCondition(c)}
	var child syntax.Node
	switch {
	case attr.TextIs("include_router"):
		in.Kind = includeRouter
		child = argument(c, 0, "router")
		in.Prefix = fp.prefix(argument(c, -1, "prefix"))
		in.Deps = fp.depsIn(argument(c, -1, "dependencies"), nil)
	case attr.TextIs("register_blueprint"):
		in.Kind = registerBlueprint
		child = argument(c, 0, "blueprint")
		in.Prefix = fp.prefix(argument(c, -1, "url_prefix"))
	default:
		in.Kind = mountApp
		child = argument(c, 1, "app")
		in.Prefix = fp.prefix(argument(c, 0, "path"))
	}
	var children []syntax.Node
	if elems, ok := fp.loopElements(child); ok {
		children = elems
	} else if !child.IsZero() {
		children = []syntax.Node{child}
	}
	added := false
	for _, ch := range children {
		if r := fp.ref(ch); !r.IsZero() && r.Kind != project.Unbound {
			in.Child = r
			fp.fact.Includes = append(fp.fact.Includes, in)
			added = true
		}
	}
	if !added && in.Kind != mountApp {
		fp.fact.DynamicIncludes++
	}
}

// devEnvironments are the values of an environment setting that name a
// developer's or a test's environment.
var devEnvironments = []string{"local", "dev", "development", "test", "testing"}

// prodEnvironments name production: `!= "production"` is dev-only too.
var prodEnvironments = []string{"prod", "production"}

// devOnlyCondition is the text of the condition of an `if` around n (up
// to the enclosing function or module; n in its consequence) that holds
// only in development: a setting or variable whose name holds "env"
// compared with a development environment's name (`settings.ENVIRONMENT
// == "local"`, `os.getenv("APP_ENV") in ("dev", "test")`) or unequal to
// production's (`ENV != "production"`); or "".
func devOnlyCondition(n syntax.Node) string {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		switch p.Kind() {
		case syntax.KindFunctionDefinition, syntax.KindClassDefinition, syntax.KindLambda:
			return ""
		case syntax.KindIfStatement:
			if child.Field() != syntax.FieldConsequence {
				continue
			}
			if c := p.ChildByField(syntax.FieldCondition).Unparen(); isDevCheck(c) {
				return string(c.Text())
			}
		}
	}
	return ""
}

// isDevCheck: `X == "local"`, `X in ("local", "dev")`, `X != "production"`,
// `X not in ("prod", "production")` with "env" in X's text.
func isDevCheck(c syntax.Node) bool {
	if !c.Is(syntax.KindComparisonOperator) {
		return false
	}
	var ops []string
	var operands []syntax.Node
	for ch := range c.Children() {
		if ch.Field() == syntax.FieldOperators {
			ops = append(ops, string(ch.Text()))
		} else if ch.IsNamed() {
			operands = append(operands, ch.Unparen())
		}
	}
	op := strings.Join(ops, " ")
	if len(operands) != 2 || !strings.Contains(strings.ToLower(string(operands[0].Text())), "env") {
		return false
	}
	var values []string
	if v, ok := operands[1].StringLiteral(); ok {
		values = []string{v}
	} else if operands[1].Is(syntax.KindTuple) || operands[1].Is(syntax.KindList) || operands[1].Is(syntax.KindSet) {
		for e := range operands[1].NamedChildren() {
			v, ok := e.StringLiteral()
			if !ok {
				return false
			}
			values = append(values, v)
		}
	}
	if len(values) == 0 {
		return false
	}
	var names []string
	switch op {
	case "==", "in":
		names = devEnvironments
	case "!=", "not in":
		names = prodEnvironments
	default:
		return false
	}
	for _, v := range values {
		if !slices.Contains(names, strings.ToLower(v)) {
			return false
		}
	}
	return true
}

// loopElements: for `for r in (a.router, b.router): app.include_router(r)`
// the elements of the literal list the loop variable runs over.
func (fp *filePass) loopElements(n syntax.Node) ([]syntax.Node, bool) {
	n = n.Unparen()
	if !n.Is(syntax.KindIdentifier) {
		return nil, false
	}
	b := fp.r.Lookup(n)
	if b == nil || b.Kind != names.Assignment {
		return nil, false
	}
	loop := b.Node.Parent()
	if !loop.Is(syntax.KindForStatement) || loop.ChildByField(syntax.FieldLeft) != b.Node {
		return nil, false
	}
	it := loop.ChildByField(syntax.FieldRight).Unparen()
	if !it.Is(syntax.KindList) && !it.Is(syntax.KindTuple) {
		return nil, false
	}
	var out []syntax.Node
	for e := range it.NamedChildren() {
		out = append(out, e)
	}
	return out, true
}

func (fp *filePass) rangeOf(n syntax.Node) lint.Range {
	return fp.pass.File.Lines.Range(n.Start(), n.End())
}

// argument returns a call's positional argument pos (-1: none) or its
// keyword argument kw.
func argument(call syntax.Node, pos int, kw string) syntax.Node { return call.Argument(pos, kw) }

// pathOf renders a route's path: the literal, or the expression's text in
// braces when it is not a literal.
func pathOf(n, alt syntax.Node) string {
	if n.IsZero() {
		n = alt
	}
	if n.IsZero() {
		return ""
	}
	if s, ok := n.StringLiteral(); ok {
		return s
	}
	return "{" + string(n.Text()) + "}"
}

// methodsOf returns a route's methods: the decorator's own (get → GET), or
// methods= (default GET).
func methodsOf(call syntax.Node, method string) []string {
	if method != "" {
		return []string{method}
	}
	var out []string
	if m := argument(call, -1, "methods").Unparen(); m.Is(syntax.KindList) || m.Is(syntax.KindTuple) || m.Is(syntax.KindSet) {
		for e := range m.NamedChildren() {
			if s, ok := e.StringLiteral(); ok {
				out = append(out, strings.ToUpper(s))
			}
		}
	}
	if len(out) == 0 {
		out = []string{"GET"}
	}
	return out
}
