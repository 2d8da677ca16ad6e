package python

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/xynergy/xylint/analyzers/unauthenticatedroute"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/web"
)

// maxDepth bounds how many names one resolution follows (imports of
// imports, aliases of aliases); cycles stop earlier.
const maxDepth = 16

// isScheme reports whether q names a fastapi.security scheme (or an
// instance of one: "fastapi.security.HTTPBasic()"), also when the run
// holds fastapi's own sources and the name would resolve into them.
func isScheme(q string) bool { return web.IsScheme(strings.TrimSuffix(q, "()")) }

type objKey struct {
	path string
	idx  int
}

type edge struct {
	parent objKey
	in     include
	path   string // the file of the include call
}

type proj struct {
	pass    *pyanalysis.ProjectPass
	options func(path string) *unauthenticatedroute.Config
	files   map[string]*fileFact
	parents map[objKey][]edge
	// rejects: Flask apps and blueprints with a rejecting before_request hook.
	rejects map[objKey]bool
	dynamic int
	memo    map[memoKey]int8 // 1 visiting, 2 no, 3 yes
	// calls: whether a function (by the file of the call and its ref)
	// checks credentials itself or through the functions it calls.
	calls map[callKey]int8 // 1 visiting, 2 no, 3 yes
	// kinds are the kinds of objects whose class is not one of web.Objects,
	// once resolved (0: not an app or router).
	kinds map[objKey]web.Kind
}

type callKey struct {
	path string
	ref  project.Ref
}

type memoKey struct {
	opts *unauthenticatedroute.Config
	path string
	ref  project.Ref
	typ  bool
}

func projectPhase(pass *pyanalysis.ProjectPass, options func(path string) *unauthenticatedroute.Config) error {
	p := &proj{
		pass: pass, options: options, files: map[string]*fileFact{}, parents: map[objKey][]edge{},
		rejects: map[objKey]bool{}, memo: map[memoKey]int8{}, kinds: map[objKey]web.Kind{}, calls: map[callKey]int8{},
	}
	for _, f := range pass.Files {
		for _, ff := range pyanalysis.FactsOf[*fileFact](pass, f) {
			p.files[f.Path] = ff
		}
	}
	paths := make([]string, 0, len(p.files))
	for path := range p.files {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	// Mount edges, from every file's includes.
	for _, path := range paths {
		f := p.files[path]
		p.dynamic += f.DynamicIncludes
		for _, in := range f.Includes {
			parent, ok1 := p.object(path, in.Parent)
			child, ok2 := p.object(path, in.Child)
			switch {
			case ok1 && ok2:
				p.parents[child] = append(p.parents[child], edge{parent: parent, in: in, path: path})
			case in.Kind != mountApp:
				p.dynamic++
			}
		}
	}
	// Flask hooks and FastAPI function middleware: on an object, or on
	// the objects passed to the function whose parameter they are set up
	// on.
	passed := map[string][]objKey{} // "path\x00func\x00index" → objects
	for _, path := range paths {
		for _, a := range p.files[path].ObjArgs {
			o, ok1 := p.object(path, a.Obj)
			e := p.resolve(path, a.Callee, 0)
			if ok1 && e.sym != nil && e.sym.Kind == symFunc {
				k := fmt.Sprintf("%s\x00%s\x00%d", e.path, e.name, a.Index)
				passed[k] = append(passed[k], o)
			}
		}
	}
	for _, path := range paths {
		opts := p.options(path)
		for _, h := range p.files[path].Hooks {
			if !(h.Rejects || p.anyAuthCallee(opts, path, h.Callees)) {
				continue
			}
			var objs []objKey
			if !h.Func.IsZero() {
				objs = passed[fmt.Sprintf("%s\x00%s\x00%d", path, h.Func.Name, h.Param)]
			} else if o, ok := p.object(path, h.Obj); ok {
				objs = []objKey{o}
			}
			for _, o := range objs {
				if h.AppWide {
					for _, root := range p.roots(o, map[objKey]bool{}) {
						p.rejects[root] = true
					}
				}
				p.rejects[o] = true
			}
		}
	}
	p.report(paths)
	return nil
}

// report checks every route and reports the open ones, each with its fix
// (fix.go): the Flask decorator; for FastAPI the router's when every route
// of the router is reported and declared in its file (and none is a
// websocket), else the route's own.
func (p *proj) report(paths []string) {
	type finding struct {
		rt   *route
		o    objKey
		d    *lint.Diagnostic
		note bool
	}
	var found []finding
	total, reported := map[objKey]int{}, map[objKey]int{}
	routerFixable := map[objKey]bool{}
	for _, path := range paths {
		routes := p.files[path].Routes
		for i := range routes {
			rt := &routes[i]
			o, ok := p.object(path, rt.Obj)
			if !ok {
				continue
			}
			if _, seen := routerFixable[o]; !seen {
				routerFixable[o] = p.kind(o) == web.FastAPIRouter && p.obj(o).Fix != nil
			}
			if path != o.path || slices.Contains(rt.Methods, "WEBSOCKET") {
				routerFixable[o] = false
			}
			total[o]++
			if d, note := p.check(path, *rt, o); d != nil {
				if !rt.Suppressed && !note {
					// A suppressed route, and a sign-in page or a probe,
					// keep the router's fix off.
					reported[o]++
				}
				found = append(found, finding{rt, o, d, note})
			}
		}
	}
	// Whether the import the fix adds resolves is the fix engine's to say,
	// for every rule alike (fix.Options.Importable): a project without the
	// platform's shared/ package gets the finding, with a fix withheld.
	for _, f := range found {
		switch ob := p.obj(f.o); {
		case f.rt.Suppressed, f.note:
			// Dropped after the run: no fix to compute. A note has none:
			// auth on a sign-in page or a probe would break it.
		case p.kind(f.o).Flask():
			f.d.Fix = f.rt.FlaskFix
		case routerFixable[f.o] && reported[f.o] == total[f.o]:
			f.d.Fix = ob.Fix
		default:
			f.d.Fix = f.rt.Fix
		}
		p.pass.Report(*f.d)
	}
}

// entity is what a ref resolves to: a module-level symbol of a file, an
// object, or a name outside the project (ext).
type entity struct {
	path string
	name string // the symbol's name in its file
	sym  *symbol
	obj  int // object index, -1 when none
	ext  string
	call bool // the ref is a call of the entity (an instance)
}

func (p *proj) resolve(path string, ref project.Ref, depth int) entity {
	e := entity{path: path, obj: -1}
	if ref.Call {
		e = p.resolve(path, ref.Uncalled(), depth+1)
		e.call = true
		return e
	}
	if ref.IsZero() || depth > maxDepth {
		return e
	}
	switch ref.Kind {
	case project.Unbound:
		e.ext = ref.Name
		return e
	case project.Object:
		e.obj = ref.Index
		return e
	case project.Local:
		name, rest, _ := strings.Cut(ref.Name, ".")
		return p.symbol(path, name, rest, depth)
	}
	file, rest, ok := p.pass.Modules.Split(path, ref.Name)
	if !ok || rest == "" {
		e.ext = ref.Name
		return e
	}
	name, rest, _ := strings.Cut(rest, ".")
	return p.symbol(file, name, rest, depth)
}

// symbol resolves name (then .rest) at module level in the file at path.
func (p *proj) symbol(path, name, rest string, depth int) entity {
	e := entity{path: path, obj: -1}
	full := name
	if rest != "" {
		full += "." + rest
	}
	f := p.files[path]
	if f == nil {
		e.ext = full // a module with nothing to say: judged by its name
		return e
	}
	s, ok := f.Symbols[name]
	if r, imported := f.Imports[name]; !ok && imported {
		s, ok = symbol{Kind: symImport, Ref: r}, true
	}
	if !ok {
		for _, m := range f.StarImports {
			// from .base import *: the name may be base's.
			ref := project.ImportedRef(m + "." + full)
			if e := p.resolve(path, ref, depth+1); e.sym != nil || e.obj >= 0 {
				return e
			}
		}
		if f.Module != "" {
			e.ext = f.Module + "." + full
		} else {
			e.ext = full
		}
		return e
	}
	switch s.Kind {
	case symImport, symRef:
		target := s.Ref
		if rest != "" {
			target = target.Attr(rest)
		}
		return p.resolve(path, target, depth+1)
	}
	if rest != "" {
		e.ext = full
		return e
	}
	e.sym, e.name = &s, name
	if s.Kind == symObject || s.MaybeObj {
		e.obj = s.Obj
	}
	return e
}

// object resolves a ref to an app or router.
func (p *proj) object(path string, ref project.Ref) (objKey, bool) {
	e := p.resolve(path, ref, 0)
	if e.obj < 0 || e.call {
		return objKey{}, false
	}
	f := p.files[e.path]
	if f == nil || e.obj >= len(f.Objects) {
		return objKey{}, false
	}
	k := objKey{e.path, e.obj}
	return k, p.kind(k) != 0
}

func (p *proj) obj(k objKey) *object { return &p.files[k.path].Objects[k.idx] }

// kind is an object's kind: its own, or, for an object of a class not in
// web.Objects, the kind its class's bases give it (0: not an app or
// router).
func (p *proj) kind(k objKey) web.Kind {
	ob := p.obj(k)
	if ob.Kind != 0 {
		return ob.Kind
	}
	if kd, ok := p.kinds[k]; ok {
		return kd
	}
	p.kinds[k] = 0 // a cycle resolves to nothing
	kd := p.classKind(k.path, ob.Class, 0)
	p.kinds[k] = kd
	return kd
}

// classKind is the kind of object calling the class ref (used in the file
// at path) makes: one of web.Objects, a class whose bases are (at any
// depth, across files), or the class a factory returns.
func (p *proj) classKind(path string, ref project.Ref, depth int) web.Kind {
	if ref.IsZero() || depth > maxDepth {
		return 0
	}
	e := p.resolve(path, ref, 0)
	switch {
	case e.sym == nil:
		return web.Objects[e.ext]
	case e.sym.Kind == symClass:
		for _, b := range e.sym.Bases {
			if kd := p.classKind(e.path, b, depth+1); kd != 0 {
				return kd
			}
		}
	case e.sym.Kind == symInstance:
		// Router = make_router_class(...): the class the factory returns.
		return p.factoryKind(e.path, e.sym.Ref, depth)
	}
	return 0
}

// factoryKind is the kind of object the class a factory function returns
// makes.
func (p *proj) factoryKind(path string, fn project.Ref, depth int) web.Kind {
	f := p.resolve(path, fn, 0)
	if f.sym == nil || f.sym.Kind != symFunc {
		return 0
	}
	for _, b := range f.sym.Returns {
		if kd := p.classKind(f.path, b, depth+1); kd != 0 {
			return kd
		}
	}
	return 0
}

// classAuth reports whether the class ref names, or one of its bases (at
// any depth, across files), has dependencies that authenticate: deps
// picks them from a class (a view's attributes, a router's __init__).
func (p *proj) classAuth(opts *unauthenticatedroute.Config, path string, ref project.Ref, deps func(*symbol) []dep, depth int) bool {
	if ref.IsZero() || depth > maxDepth {
		return false
	}
	e := p.resolve(path, ref, 0)
	if e.sym == nil || e.sym.Kind != symClass {
		return false
	}
	if p.anyAuth(opts, e.path, deps(e.sym)) {
		return true
	}
	for _, b := range e.sym.Bases {
		if p.classAuth(opts, e.path, b, deps, depth+1) {
			return true
		}
	}
	return false
}

func attrDeps(s *symbol) []dep { return s.AttrDeps }
func initDeps(s *symbol) []dep { return s.InitDeps }

// roots are the objects at the top of o's mount chains.
func (p *proj) roots(o objKey, seen map[objKey]bool) []objKey {
	if seen[o] {
		return nil
	}
	seen[o] = true
	if len(p.parents[o]) == 0 {
		return []objKey{o}
	}
	var out []objKey
	for _, e := range p.parents[o] {
		out = append(out, p.roots(e.parent, seen)...)
	}
	return out
}

// nameMatches reports whether a ref's name is in list: bare names match the
// last part, dotted ones the whole qualified name.
func nameMatches(list []string, ref, qualified string) bool {
	ref = strings.TrimSuffix(ref, "()")
	base := ref
	if i := strings.LastIndexAny(ref, ".:?"); i >= 0 {
		base = ref[i+1:]
	}
	for _, n := range list {
		if strings.Contains(n, ".") {
			if n == ref || n == qualified {
				return true
			}
		} else if n == base {
			return true
		}
	}
	return false
}

// fromAuthModule reports whether a qualified name is imported from a
// module named auth or a module of a package named auth
// ("shared.auth.verify_api_key", "auth.check",
// "polar.auth.dependencies.WebUser").
func fromAuthModule(q string) bool {
	q = strings.TrimSuffix(q, "()")
	if q == "" || strings.ContainsAny(q[:1], ":?%") {
		return false
	}
	parts := strings.Split(q, ".")
	return slices.Contains(parts[:len(parts)-1], "auth")
}

// inAuthModule reports whether the module of the file at path is named
// auth or is in a package named auth.
func (p *proj) inAuthModule(path string) bool {
	f := p.files[path]
	return f != nil && slices.Contains(strings.Split(f.Module, "."), "auth")
}

// isAuth reports whether the dependency ref, used in the file at path,
// authenticates: by its name (configured names, a module named auth), as a
// fastapi.security scheme, or through the dependencies of what it names —
// transitively and across files. A Type dep (a parameter's annotation)
// counts only through an Annotated alias.
func (p *proj) isAuth(opts *unauthenticatedroute.Config, path string, ref project.Ref, typ bool, depth int) bool {
	if ref.IsZero() || depth > maxDepth {
		return false
	}
	key := memoKey{opts, path, ref, typ}
	switch p.memo[key] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	p.memo[key] = 1
	ok := p.isAuthUncached(opts, path, ref, typ, depth)
	p.memo[key] = 2
	if ok {
		p.memo[key] = 3
	}
	return ok
}

func (p *proj) isAuthUncached(opts *unauthenticatedroute.Config, path string, ref project.Ref, typ bool, depth int) bool {
	name := ref.String()
	if !typ && (nameMatches(opts.AuthDependencies, name, name) || fromAuthModule(name) || isScheme(name)) {
		return true
	}
	// The fix's dependency counts, whatever auth-dependencies says: a fixed
	// route is not reported again.
	if !typ && opts.FixDependency != "" && nameMatches([]string{opts.FixDependency}, name, name) {
		return true
	}
	e := p.resolve(path, ref, 0)
	if e.sym == nil {
		if typ || e.ext == "" {
			return false
		}
		// Outside the project (or in a file with nothing to say): the
		// resolved name decides.
		if isScheme(e.ext) {
			return true
		}
		return nameMatches(opts.AuthDependencies, e.ext, e.ext) || fromAuthModule(e.ext)
	}
	if !typ && ref.Kind == project.Local && p.inAuthModule(e.path) {
		return true // a module named auth, seen from inside
	}
	s := e.sym
	if typ && s.Kind != symAlias {
		return false
	}
	if s.Kind == symAlias && p.inAuthModule(e.path) {
		return true // `auth.OrganizationsRead`: an Annotated dependency a module named auth defines
	}
	if s.Kind == symFunc && s.BodyAuth || s.Kind == symClass && s.Scheme && e.call {
		return true // a dependency that answers 401/403 or verifies a token itself; a scheme's subclass
	}
	deps := s.Deps
	switch s.Kind {
	case symClass:
		if e.call {
			if s.CallAuth {
				return true // Depends(Verifier(secret)): its __call__ answers 401/403
			}
			deps = s.CallDeps
		}
	case symFunc:
		if e.call {
			// Depends(factory(...)): the function the factory returns.
			if s.ReturnAuth {
				return true
			}
			deps = s.ReturnDeps
		}
	case symInstance:
		// Depends(scheme) where scheme = HTTPBearer() or an instance of a
		// class whose __call__ depends on auth.
		return p.isAuth(opts, e.path, s.Ref.Called(), false, depth+1)
	case symObject:
		return false
	}
	for _, d := range deps {
		if p.isAuth(opts, e.path, d.Ref, d.Type, depth+1) {
			return true
		}
	}
	return false
}

func (p *proj) anyAuth(opts *unauthenticatedroute.Config, path string, deps []dep) bool {
	for _, d := range deps {
		if p.isAuth(opts, path, d.Ref, d.Type, 0) {
			return true
		}
	}
	return false
}

// anyAuthCallee reports whether a before_request hook calls an auth check
// by its name (auth-decorators, auth-dependencies, Flask-JWT-Extended's
// verify_jwt_in_request). Calling any function of an auth module is not
// enough: login_user and logout_user are not checks, and a hook guards
// the whole app.
func (p *proj) anyAuthCallee(opts *unauthenticatedroute.Config, path string, callees []project.Ref) bool {
	for _, callee := range callees {
		c := callee.String()
		if nameMatches(opts.AuthDecorators, c, c) || nameMatches(opts.AuthDependencies, c, c) ||
			nameMatches([]string{"verify_jwt_in_request"}, c, c) {
			return true
		}
	}
	return false
}

// maxCallDepth bounds how many calls deep a helper that checks
// credentials is looked for (handler → helper → helper ...).
const maxCallDepth = 3

// checksCredentials reports whether the function ref names (called from
// the file at path) checks credentials itself (answers 401/403, verifies
// a token or signature, rejects a credential that does not match), or
// calls one that does, a few calls deep.
func (p *proj) checksCredentials(path string, ref project.Ref, depth int) bool {
	if depth > maxCallDepth {
		return false
	}
	key := callKey{path, ref}
	switch p.calls[key] {
	case 1, 2:
		return false
	case 3:
		return true
	}
	p.calls[key] = 1
	ok := false
	if e := p.resolve(path, ref, 0); e.sym != nil && e.sym.Kind == symFunc && !e.call {
		ok = e.sym.Checks || p.anyChecksCredentials(e.path, e.sym.Callees, depth+1)
	}
	p.calls[key] = 2
	if ok {
		p.calls[key] = 3
	}
	return ok
}

func (p *proj) anyChecksCredentials(path string, refs []project.Ref, depth int) bool {
	for _, r := range refs {
		if p.checksCredentials(path, r, depth) {
			return true
		}
	}
	return false
}

// authDecorator reports whether a decorator (its callee's ref) is the
// project's own auth decorator (its wrapper turns away callers without
// credentials).
func (p *proj) authDecorator(path string, ref project.Ref) bool {
	e := p.resolve(path, ref, 0)
	return e.sym != nil && e.sym.Kind == symFunc && e.sym.AuthDeco
}

// chain is one way a route is mounted: its full path, whether auth is on
// the way, and the include nearest the top (for the message).
type chain struct {
	path   string
	authed bool
	top    *edge
	// devOnly: an include on the way is made only in development (the
	// include, whose DevOnly says under which condition).
	devOnly *edge
}

func (p *proj) chains(o objKey, suffix string, authed, mounted bool, opts *unauthenticatedroute.Config, top, devOnly *edge, seen []objKey, out *[]chain) {
	if slices.Contains(seen, o) || len(*out) > 64 {
		return
	}
	seen = append(seen, o)
	ob := p.obj(o)
	if !mounted {
		authed = authed || p.rejects[o] || p.anyAuth(opts, o.path, ob.Deps) || p.classAuth(opts, o.path, ob.Class, initDeps, 0)
	}
	parents := p.parents[o]
	if len(parents) == 0 {
		*out = append(*out, chain{path: p.prefix(o.path, ob.Prefix) + suffix, authed: authed, top: top, devOnly: devOnly})
		return
	}
	for i := range parents {
		e := &parents[i]
		a := authed
		if e.in.Kind == includeRouter && !mounted {
			a = a || p.anyAuth(opts, e.path, e.in.Deps)
		}
		// include_router's prefix goes before the router's own; Flask's
		// register_blueprint(url_prefix=) replaces the blueprint's.
		pre := p.prefix(e.path, e.in.Prefix) + p.prefix(o.path, ob.Prefix)
		if e.in.Kind == registerBlueprint && e.in.Prefix != (prefix{}) {
			pre = p.prefix(e.path, e.in.Prefix)
		}
		dev := devOnly
		if dev == nil && e.in.DevOnly != "" {
			dev = e
		}
		p.chains(e.parent, pre+suffix, a, mounted || e.in.Kind == mountApp, opts, e, dev, seen, out)
	}
}

// check returns the finding of a route declared on o, or nil when it is
// authenticated (or public), and whether the finding is a note (public by
// convention, or auth by the platform: no fix).
func (p *proj) check(path string, rt route, o objKey) (*lint.Diagnostic, bool) {
	kind := p.kind(o)
	flask := kind.Flask()
	if kind == web.StarletteApp {
		return nil, false
	}
	opts := p.options(path)
	if rt.BodyAuth || p.anyAuth(opts, path, rt.Deps) || p.classAuth(opts, path, rt.Class, attrDeps, 0) ||
		p.anyChecksCredentials(path, rt.Callees, 1) {
		return nil, false
	}
	decos := rt.Decos
	if !rt.Handler.IsZero() {
		if h := p.resolve(path, rt.Handler, 0); h.sym != nil && (h.sym.Kind == symFunc || h.sym.Kind == symClass) {
			if h.sym.Kind == symFunc && (p.anyAuth(opts, h.path, h.sym.Deps) || p.anyChecksCredentials(h.path, h.sym.Callees, 1)) || h.sym.BodyAuth {
				return nil, false
			}
			for _, d := range h.sym.Decos {
				if p.authDecorator(h.path, d) {
					return nil, false
				}
			}
			decos = append(slices.Clip(decos), h.sym.Decos...)
			if rt.ViewMethods && len(h.sym.Methods) > 0 {
				rt.Methods = h.sym.Methods
			}
		}
	}
	for _, deco := range decos {
		d := deco.String()
		// The fix's decorator counts, whatever auth-decorators says: a
		// fixed view is not reported again. The project's own decorators
		// that turn away callers without credentials count in both
		// frameworks.
		if flask && (nameMatches(opts.AuthDecorators, d, d) || fromAuthModule(d) || opts.FixDecorator != "" && nameMatches([]string{opts.FixDecorator}, d, d)) ||
			p.authDecorator(path, deco) {
			return nil, false
		}
	}
	if (kind == web.FastAPIRouter || kind == web.FlaskBlueprint) && len(p.parents[o]) == 0 && p.dynamic > 0 {
		// Never seen included, but some router is included where we cannot
		// name it: this one may be, with auth.
		return nil, false
	}
	var cs []chain
	p.chains(o, rt.Path, false, false, opts, nil, nil, nil, &cs)
	var open *chain
	authedElsewhere := false
	for i := range cs {
		c := &cs[i]
		switch {
		case c.authed:
			authedElsewhere = true
		case (open == nil || open.devOnly != nil && c.devOnly == nil) && !isPublic(opts, rt.Methods, c.path):
			open = c // a chain mounted in production too comes first
		}
	}
	if open == nil {
		return nil, false
	}
	methods := strings.Join(rt.Methods, ",")
	full := open.path
	if full == "" {
		full = "/"
	}
	var why string
	if flask {
		why = "has no auth decorator and no rejecting before_request hook"
	} else {
		why = "reaches no auth dependency"
	}
	convention := rt.Convention
	if ob := p.obj(o); convention == "" && (strings.Contains(strings.ToLower(ob.Name), "public") || strings.Contains(strings.ToLower(ob.Name), "anonymous")) {
		convention = unauthenticatedroute.Declared + " by its " + kindName[kind] + " (" + ob.Name + ")"
	}
	v := opts.Judge(rt.Methods, full, convention)
	if d := open.devOnly; d != nil && !v.Note {
		v = unauthenticatedroute.DevOnly(fmt.Sprintf("the %s at %s is made only when `%s`", includeVerb(d.in.Kind), p.location(path, d.path, d.in.Line), d.in.DevOnly))
	}
	if rt.FlagGate != "" && !v.Note {
		v = unauthenticatedroute.DevOnly("the handler answers only when `" + rt.FlagGate + "`, a debug or safe-mode flag of the configuration")
	}
	if dep := p.pass.Deployment(path); dep != nil && !v.Note {
		// What the deployment files beside the service show.
		if e := dep.PlatformAuth(); e != nil {
			v = unauthenticatedroute.Deployed(e.File, e.What)
		}
	}
	if rt.Session != "" {
		v = unauthenticatedroute.SessionScoped(v, rt.Methods, rt.Session)
	}
	msg := fmt.Sprintf("%s %s %s", methods, full, why)
	if !v.Note {
		msg += "; add auth to the route or to " + p.describe(path, o)
		if authedElsewhere && open.top != nil {
			msg += fmt.Sprintf(" (the %s at %s passes none)", includeVerb(open.top.in.Kind), p.location(path, open.top.path, open.top.in.Line))
		}
	}
	msg += "; " + v.Why
	return &lint.Diagnostic{Rule: p.pass.Analyzer.Rule, Severity: v.Level, Path: path, Range: rt.At, Message: msg}, v.Note
}

// prefix renders a prefix: the literal, the string constant its expression
// names (a module constant, or a class attribute read through an instance
// such as settings.API_V1_STR), else the expression in braces.
func (p *proj) prefix(path string, pr prefix) string {
	if pr.Ref.IsZero() && pr.Text == "" {
		return pr.Lit
	}
	if v, ok := p.constString(path, pr.Ref); ok {
		return v
	}
	return "{" + pr.Text + "}"
}

func (p *proj) constString(path string, ref project.Ref) (string, bool) {
	if ref.IsZero() {
		return "", false
	}
	if e := p.resolve(path, ref, 0); e.sym != nil && e.sym.Kind == symConst {
		return e.sym.Value, true
	}
	parent, attr, ok := ref.Split()
	if !ok {
		return "", false
	}
	e := p.resolve(path, parent, 0)
	if e.sym == nil {
		return "", false
	}
	cls := e
	if e.sym.Kind == symInstance {
		cls = p.resolve(e.path, e.sym.Ref, 0)
	}
	if cls.sym != nil && cls.sym.Kind == symClass {
		v, ok := cls.sym.Consts[attr]
		return v, ok
	}
	return "", false
}

func includeVerb(k includeKind) string {
	switch k {
	case mountApp:
		return "mount"
	case registerBlueprint:
		return "register_blueprint"
	}
	return "include_router"
}

// kindName names the kinds of objects in messages.
var kindName = map[web.Kind]string{web.FastAPIApp: "app", web.FastAPIRouter: "router", web.FlaskApp: "app", web.FlaskBlueprint: "blueprint"}

// describe names the object where auth could be added:
// "router `campaigns.router` (routers/campaigns.py:5)".
func (p *proj) describe(from string, o objKey) string {
	ob := p.obj(o)
	kind := kindName[p.kind(o)]
	mod := p.files[o.path].Module
	if i := strings.LastIndexByte(mod, '.'); i >= 0 {
		mod = mod[i+1:]
	}
	name := ob.Name
	if mod != "" {
		name = mod + "." + name
	}
	return fmt.Sprintf("%s `%s` (%s)", kind, name, p.location(from, o.path, ob.Line))
}

// location is "line 5" in the same file, else the path relative to the
// reporting file's root ("routers/campaigns.py:5").
func (p *proj) location(from, file string, line int) string {
	if file == from {
		return fmt.Sprintf("line %d", line)
	}
	rel := file
	if root := p.pass.Modules.Root(from); root != "." && root != "" && strings.HasPrefix(file, root+"/") {
		rel = strings.TrimPrefix(file, root+"/")
	}
	return fmt.Sprintf("%s:%d", rel, line)
}

func isPublic(opts *unauthenticatedroute.Config, methods []string, full string) bool {
	return opts.Public(methods, full, func(s string) string { return path.Clean("/" + s) })
}
