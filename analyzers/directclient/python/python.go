// Package python is XY003 direct-client's Python detection (the rule's
// documentation is in the parent package).
//
// It works in two phases. The file pass finds the construction sites (calls
// whose callee resolves, through the file's imports, to a constructor of the
// table) and decides what it can alone: a site at module level (or in a
// class body) is "module-level", a site in a function cached by
// `@lru_cache`/`@cache` or guarded by a None check on a global or class
// attribute is "cached". It also exports, for every function of the file,
// the calls it makes (as references the project phase can resolve across
// files) and whether it runs per request by itself: a FastAPI/Flask route
// handler, a Flask request hook, FastAPI middleware and exception handlers,
// a Cloud Functions entry point, a module-level function whose first
// parameter is `request` (Cloud Functions, Django and Starlette views), and
// what `Depends(...)`/`Security(...)`, `add_api_route`, `add_url_rule`,
// Starlette's `Route(...)` and `router.get("/p")(handler)` name anywhere in
// the file. Startup code (`lifespan=`, `on_startup=[...]`,
// `@app.on_event("startup")`, `add_event_handler("startup", ...)`) is
// exported the same way.
//
// The project phase walks the call graph from those entry points over all
// files: a site in a function reached from a per-request entry is
// "per-request" (the message names the entry and the first hop), one
// reached only from startup code is "module-level", any other site in a
// function is "per-call".
//
// References are resolved as the importing file's sys.path would resolve
// them (internal/python/modules): `from validators import f` in a service's
// main.py finds the service's own `validators.py`, `from shared.x import f`
// the platform's `shared/x.py`, and relative imports count from the file's
// package; a package's `__init__.py` re-exports are followed. Calls through
// objects whose type is not known (`svc.fetch()` on a local) are not
// followed.
package python

import (
	"bytes"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/pools"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

// Analyzer is XY003 direct-client for Python.
var Analyzer = pyanalysis.New(directclient.Rule, directclient.OptionsSpec, pyanalysis.Def[*directclient.Config]{
	Kinds: []syntax.Kind{syntax.KindCall, syntax.KindFunctionDefinition},
	// A file must name every dotted part of a constructor (the text of any
	// import form and call has them all: `from google.cloud import bigquery`
	// then `bigquery.Client()`), or carry a per-request or startup marker.
	// So a helper module between a route and the function that builds the
	// client, if it has neither, is not read: the site is then classified
	// per call instead of per request.
	PrefilterFor: prefilterFor,
	Excludes:     func(c *directclient.Config, path string) bool { return c.Excludes(path) },
	FactTypes:    []pyanalysis.Fact{(*fileFact)(nil)},
	Run:          run,
	Project:      projectPhase,
})

// entryMarkers are strings one of which a file that registers per-request
// or startup code contains, unless isEntry finds such code ("_request" is
// in Flask's hooks: before_request, teardown_request, ...).
var entryMarkers = []string{
	"route", "Route", "_request", "teardown_appcontext", "Depends", "Security", "functions_framework", "lifespan",
	"startup", "middleware", "exception_handler", "errorhandler",
}

// routeDecorator finds `@app.get("/x")` on an app imported from elsewhere.
var routeDecorator = pyanalysis.DecoratorCalls(slices.Collect(maps.Keys(web.RouteDecorators))...)

// isEntry finds what the markers cannot: a route decorator, or the
// parameters of a view or Cloud Function (viewEntry) — the word "request"
// alone is in every file that uses the requests library.
func isEntry(src []byte) bool {
	return routeDecorator(src) || hasParams(src)
}

// entryParams open the parameter lists viewEntry recognises.
var entryParams = []string{"(request", "(event, context", "(data, context", "(cloud_event"}

// hasParams reports whether src has one of entryParams not followed by an
// identifier character.
func hasParams(src []byte) bool {
	return slices.ContainsFunc(entryParams, func(p string) bool { return pyanalysis.ContainsWordEnd(src, p) })
}

// prefilterFor is the prefilter of a configuration's table: files that
// name every dotted part of one of its constructors, or carry an entry
// marker (nil when a constructor glob has no literal text: every file may
// name it).
func prefilterFor(c *directclient.Config) *pyanalysis.Prefilter {
	pf := &pyanalysis.Prefilter{
		Any:   entryMarkers,
		Match: isEntry,
	}
	for _, e := range c.Table.Clients() {
		parts := literalParts(e.Constructor)
		if len(parts) == 0 {
			return nil // a glob such as "*.*": every file may name it
		}
		pf.All = append(pf.All, parts)
	}
	return pf
}

// literalParts returns the strings every file that names constructor (a
// dotted name or a glob of one) contains: its parts, and the literal runs
// of parts with wildcards ("*Client" → "Client").
func literalParts(constructor string) []string {
	var out []string
	for _, part := range strings.Split(constructor, ".") {
		if strings.ContainsAny(part, "?[\\") {
			continue // a class or escape: no run is certain to occur as written
		}
		for _, run := range strings.Split(part, "*") {
			if run != "" && !slices.Contains(out, run) {
				out = append(out, run)
			}
		}
	}
	return out
}

// fileFact is everything one file exports (one value per file).
type fileFact struct {
	Sites []siteFact
	Funcs []funcFact // sorted by Key (fileInfo.fn searches them)
	// Entries are functions or classes this file registers as per-request
	// or startup code by reference (Depends(x), lifespan=x, ...).
	Entries []entryRef
	// Exports are an __init__.py's module-level imports (name → what it
	// imports), followed when another file imports the name from the
	// package.
	Exports map[string]project.Ref
}

// PyFact marks fileFact as the rule's fact (pyanalysis.Fact).
func (*fileFact) PyFact() {}

// siteFact is one construction.
type siteFact struct {
	Range   lint.Range
	Display string // "bigquery.Client"
	Getter  string
	Module  string
	// Chain are the keys of the enclosing functions, innermost first;
	// empty at module level.
	Chain []string
	// Kind is decided by the file pass for module-level and cached sites;
	// "" when it depends on who calls the function.
	Kind string
	// How says how a cached site is cached, or where a module-level one is.
	How string
	// Fix is the site's fix (see fix.go), or nil.
	Fix *lint.Fix
	// NoFix says why a site with a getter has no fix (the client escapes,
	// settings would be dropped), for the message.
	NoFix string `json:",omitempty"`
}

// funcFact is one function of the file with the calls it makes.
type funcFact struct {
	Key string // "f", "C.m", "outer.inner"
	// Entry describes the function when it runs per request by itself
	// ("route handler `daily_stats` (GET /stats/daily)"); Startup when it
	// runs at startup.
	Entry   string
	Startup string
	Calls   []project.Ref // the functions it calls: Local (keys) or Imported
}

type entryRef struct {
	Ref     project.Ref
	Desc    string // "dependency", "`Depends` class": how the message names it
	Startup bool
}

func run(pass *pyanalysis.Pass, opts *directclient.Config) error {
	w := &walker{pass: pass, r: pass.Names, t: opts.Table, keys: map[int]string{}, funcs: map[string]*funcFact{}}
	w.functions()
	w.calls()
	w.fixes()
	if len(w.fact.Sites) == 0 && len(w.fact.Entries) == 0 && len(w.funcs) == 0 {
		return nil
	}
	if path.Base(pass.Path) == "__init__.py" {
		w.exports()
	}
	keys := make([]string, 0, len(w.funcs))
	for k := range w.funcs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		w.fact.Funcs = append(w.fact.Funcs, *w.funcs[k])
	}
	pass.ExportFact(&w.fact)
	return nil
}

type walker struct {
	pass  *pyanalysis.Pass
	r     *names.Resolver
	t     *pools.Table
	keys  map[int]string // function or class definition index → key
	funcs map[string]*funcFact
	fact  fileFact
	// sites are the construction calls of fact.Sites, by the same index,
	// for the fixes.
	sites []siteCall
	// sampleRegions are the file's `# [START name]` regions (found when a
	// fix needs them).
	sampleRegions provenance.Regions
}

type siteCall struct {
	call syntax.Node
	e    *directclient.Client
}

func (w *walker) fn(key string) *funcFact {
	f := w.funcs[key]
	if f == nil {
		f = &funcFact{Key: key}
		w.funcs[key] = f
	}
	return f
}

// key is the dotted path of the definitions around and including def
// ("C.m", "outer.inner").
func (w *walker) key(def syntax.Node) string {
	if k, ok := w.keys[def.Index()]; ok {
		return k
	}
	var parts []string
	for p := def; !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) || p.Is(syntax.KindClassDefinition) {
			parts = append(parts, string(p.ChildByField(syntax.FieldName).Text()))
		}
	}
	slices.Reverse(parts)
	k := strings.Join(parts, ".")
	w.keys[def.Index()] = k
	return k
}

// ownerDef is the innermost function definition n is evaluated in (lambdas
// count as part of the function around them), or the zero Node at module
// level. A function's decorators and defaults belong to the scope around it.
func ownerDef(n syntax.Node) syntax.Node {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) && child.Field() == syntax.FieldBody {
			return p
		}
	}
	return syntax.Node{}
}

// methodClass is the class whose body defines def directly, or zero.
func methodClass(def syntax.Node) syntax.Node {
	p := def.Parent()
	if p.Is(syntax.KindDecoratedDefinition) {
		p = p.Parent()
	}
	if p.Is(syntax.KindBlock) && p.Parent().Is(syntax.KindClassDefinition) {
		return p.Parent()
	}
	return syntax.Node{}
}

// decorators yields the expressions of def's decorators.
func decorators(def syntax.Node) []syntax.Node {
	p := def.Parent()
	if !p.Is(syntax.KindDecoratedDefinition) {
		return nil
	}
	var out []syntax.Node
	for c := range p.NamedChildren() {
		if c.Is(syntax.KindDecorator) {
			out = append(out, c.FirstNamedChild().Unparen())
		}
	}
	return out
}

// functions classifies every function by its decorators and parameters.
func (w *walker) functions() {
	for _, def := range w.pass.Nodes(syntax.KindFunctionDefinition) {
		name := string(def.ChildByField(syntax.FieldName).Text())
		for _, d := range decorators(def) {
			if e, ok := web.DecoratorEntry(w.r, d); ok {
				f := w.fn(w.key(def))
				if e.Kind.Startup() {
					f.Startup = describe(e, name)
				} else {
					f.Entry = describe(e, name)
				}
				break
			}
		}
		if !ownerDef(def).IsZero() || !methodClass(def).IsZero() {
			continue
		}
		if f := w.funcs[w.key(def)]; f != nil && (f.Entry != "" || f.Startup != "") {
			continue
		}
		if e, ok := web.ViewEntry(def, w.pass.Path); ok {
			w.fn(w.key(def)).Entry = describe(e, name)
		}
	}
}

// describe is how messages name the entry point function name is.
func describe(e web.Entry, name string) string {
	switch e.Kind {
	case web.CloudFunction:
		return "Cloud Functions entry point `" + name + "`"
	case web.MiddlewareFn:
		return "middleware `" + name + "`"
	case web.ErrorHandler:
		return "error handler `" + name + "`"
	case web.StartupHook:
		return "startup hook `" + name + "`"
	case web.RouteHandler:
		return "route handler `" + name + "` (" + e.Method + " " + e.Path + ")"
	case web.RequestHook:
		return "`" + e.Hook + "` hook `" + name + "`"
	case web.RequestView:
		return "request handler `" + name + "`"
	}
	return ""
}

// calls finds the construction sites, the calls each function makes and
// the entries registered by reference.
func (w *walker) calls() {
	for _, call := range w.pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		def := ownerDef(call)
		if e, q := w.constructor(fn); e != nil {
			w.site(call, def, e, q)
		}
		w.registrations(call)
		if def.IsZero() {
			continue
		}
		cls := ""
		if c := methodClass(def); !c.IsZero() {
			cls = w.key(c)
		}
		if ref := w.ref(fn, def, cls); !ref.IsZero() {
			w.addCall(def, ref)
		}
		// Functions handed to another call run there (add_task,
		// run_in_executor, to_thread, ...).
		for a := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
			if a.Is(syntax.KindIdentifier) {
				if b := w.r.Lookup(a); b != nil && b.Kind == names.Definition {
					if ref := w.ref(a, def, cls); !ref.IsZero() {
						w.addCall(def, ref)
					}
				}
			}
		}
	}
}

func (w *walker) addCall(def syntax.Node, ref project.Ref) {
	f := w.fn(w.key(def))
	if !slices.Contains(f.Calls, ref) {
		f.Calls = append(f.Calls, ref)
	}
}

// constructor resolves a callee against the table.
func (w *walker) constructor(fn syntax.Node) (*directclient.Client, string) {
	switch {
	case fn.Is(syntax.KindIdentifier):
		// Only imported or assigned names can be constructors; an import
		// may rename (`import Client as BQ`), an assignment alias.
		b := w.r.Lookup(fn)
		if b == nil || b.Kind == names.Import && !w.t.MayEndWith(b.Qualified[strings.LastIndexByte(b.Qualified, '.')+1:]) {
			return nil, ""
		}
		if b.Kind != names.Import && b.Kind != names.Assignment {
			return nil, ""
		}
	case fn.Is(syntax.KindAttribute):
		if !w.t.MayEndWith(string(fn.ChildByField(syntax.FieldAttribute).Text())) {
			return nil, ""
		}
	default:
		return nil, ""
	}
	q, ok := w.r.QualifiedName(fn)
	if !ok {
		return nil, ""
	}
	return w.t.Lookup(q), q
}

// site records one construction.
func (w *walker) site(call, def syntax.Node, e *directclient.Client, q string) {
	s := siteFact{
		Range:   w.pass.File.Lines.Range(call.Start(), call.End()),
		Display: display(q),
		Getter:  e.Getter,
		Module:  e.Module,
	}
	w.sites = append(w.sites, siteCall{call, e})
	if def.IsZero() {
		s.Kind = directclient.KindModuleLevel
		w.fact.Sites = append(w.fact.Sites, s)
		return
	}
	for d := def; !d.IsZero(); d = ownerDef(d) {
		s.Chain = append(s.Chain, w.key(d))
	}
	if how := w.cached(call, def); how != "" {
		s.Kind, s.How = directclient.KindCached, how
	}
	w.fact.Sites = append(w.fact.Sites, s)
}

// cacheDecorators make a function run once per distinct argument list.
var cacheDecorators = []string{
	"functools.lru_cache", "functools.cache", "cachetools.cached", "cachetools.func.lru_cache",
	"cachetools.func.ttl_cache", "async_lru.alru_cache", "aiocache.cached",
}

// cached says how a site in def is cached by hand, or "".
func (w *walker) cached(call, def syntax.Node) string {
	for _, d := range decorators(def) {
		if d.Is(syntax.KindCall) {
			d = d.ChildByField(syntax.FieldFunction).Unparen()
		}
		if q, ok := w.r.QualifiedName(d); ok && slices.Contains(cacheDecorators, q) {
			return "`@" + q[strings.LastIndexByte(q, '.')+1:] + "`"
		}
	}
	// `_client = X()` or `_client = _client or X()`, where _client outlives
	// the call (a global, a class attribute, a module-level dict), and the
	// function tests it before building.
	v := call
	for p := v.Parent(); p.Is(syntax.KindBooleanOperator) || p.Is(syntax.KindParenthesizedExpression) || p.Is(syntax.KindAwait); p = v.Parent() {
		v = p
	}
	asg := v.Parent()
	if !asg.Is(syntax.KindAssignment) || asg.ChildByField(syntax.FieldRight) != v {
		return ""
	}
	target := asg.ChildByField(syntax.FieldLeft)
	how, root := w.lasting(target)
	if how == "" {
		return ""
	}
	if v.Is(syntax.KindBooleanOperator) && mentions(v, root) {
		return how + " + `or`"
	}
	body := def.ChildByField(syntax.FieldBody)
	for n := range body.Descendants() {
		if (n.Is(syntax.KindIfStatement) || n.Is(syntax.KindElifClause) || n.Is(syntax.KindConditionalExpression) || n.Is(syntax.KindWhileStatement)) &&
			mentions(n.ChildByField(syntax.FieldCondition), root) {
			return how + " + None check"
		}
	}
	return ""
}

// lasting says whether an assignment target outlives the function call and
// what text a guard must mention: a global, a class attribute (`cls._c`,
// `Pool._c`), or an item of a module-level dict.
func (w *walker) lasting(t syntax.Node) (how string, root syntax.Node) {
	t = t.Unparen()
	switch {
	case t.Is(syntax.KindIdentifier):
		if b := w.r.Lookup(t); b != nil && b.Scope.Kind == names.ModuleScope {
			return "global", t
		}
	case t.Is(syntax.KindAttribute):
		obj := t.ChildByField(syntax.FieldObject).Unparen()
		if obj.Is(syntax.KindIdentifier) {
			if obj.TextIs("cls") {
				return "class attribute", t
			}
			if b := w.r.Lookup(obj); b != nil && b.Kind == names.Definition && b.Node.Parent().Is(syntax.KindClassDefinition) {
				return "class attribute", t
			}
		}
	case t.Is(syntax.KindSubscript):
		obj := t.ChildByField(syntax.FieldValue).Unparen()
		if obj.Is(syntax.KindIdentifier) {
			if b := w.r.Lookup(obj); b != nil && b.Scope.Kind == names.ModuleScope {
				return "module-level dict", obj
			}
		}
		if how, _ := w.lasting(obj); how == "class attribute" {
			return "class attribute dict", obj
		}
	}
	return "", syntax.Node{}
}

// mentions reports whether expression e contains a node with root's text
// (an identifier or attribute chain).
func mentions(e, root syntax.Node) bool {
	if e.IsZero() || root.IsZero() {
		return false
	}
	text := root.Text()
	k := root.Kind()
	if e.Kind() == k && bytes.Equal(e.Text(), text) {
		return true
	}
	for n := range e.Descendants() {
		if n.Kind() == k && bytes.Equal(n.Text(), text) {
			return true
		}
	}
	return false
}

// registrations records functions registered by reference as per-request
// or startup code (web.Registrations).
func (w *walker) registrations(call syntax.Node) {
	for _, reg := range web.Registrations(w.r, call) {
		target := reg.Target.Unparen()
		instance := target.Is(syntax.KindCall)
		if instance {
			// Depends(Checker(...)): FastAPI calls the instance.
			target = target.ChildByField(syntax.FieldFunction).Unparen()
		}
		ref := w.ref(target, syntax.Node{}, "")
		if instance {
			ref = ref.Attr("__call__")
		}
		if !ref.IsZero() {
			w.fact.Entries = append(w.fact.Entries, entryRef{Ref: ref, Desc: registeredAs[reg.Kind], Startup: reg.Kind.Startup()})
		}
	}
}

// registeredAs is how messages name a function registered by reference,
// by the kind of entry it is.
var registeredAs = map[web.EntryKind]string{
	web.LifespanFn:   "lifespan",
	web.StartupHook:  "startup hook",
	web.RouteHandler: "route handler",
	web.Dependency:   "dependency",
}

// ref turns a callee or a function reference into a reference the project
// phase resolves: Local (the key) for a function or class of this file,
// Imported for an imported one; the zero Ref for anything else (builtins,
// locals, methods of objects of unknown type). cls is the key of the class
// whose method the reference is in (for self.m()).
func (w *walker) ref(n syntax.Node, def syntax.Node, cls string) project.Ref {
	switch {
	case n.Is(syntax.KindIdentifier):
		b := w.r.Lookup(n)
		if b == nil {
			return project.Ref{}
		}
		switch b.Kind {
		case names.Definition:
			owner := b.Node.Parent()
			if b.Scope.Kind == names.ClassScope {
				return project.Ref{}
			}
			return project.LocalRef(w.key(owner))
		case names.Import:
			if external(b.Qualified) {
				return project.Ref{}
			}
			return project.ImportedRef(b.Qualified)
		}
		return project.Ref{}
	case n.Is(syntax.KindAttribute):
		obj := n.ChildByField(syntax.FieldObject).Unparen()
		attr := n.ChildByField(syntax.FieldAttribute)
		if obj.Is(syntax.KindCall) {
			// Cls().method(), make().method()
			return w.ref(obj.ChildByField(syntax.FieldFunction).Unparen(), def, cls).Attr(string(attr.Text()))
		}
		if !obj.Is(syntax.KindIdentifier) {
			if q, ok := w.r.QualifiedName(n); ok && w.importRooted(n) && !external(q) {
				return project.ImportedRef(q)
			}
			return project.Ref{}
		}
		if cls != "" && (obj.TextIs("self") || obj.TextIs("cls")) {
			if b := w.r.Lookup(obj); b != nil && b.Kind == names.Parameter {
				return project.LocalRef(cls + "." + string(attr.Text()))
			}
		}
		b := w.r.Lookup(obj)
		if b == nil {
			return project.Ref{}
		}
		switch b.Kind {
		case names.Definition:
			if b.Node.Parent().Is(syntax.KindClassDefinition) && b.Scope.Kind != names.ClassScope {
				return project.LocalRef(w.key(b.Node.Parent()) + "." + string(attr.Text()))
			}
		case names.Import:
			if !external(b.Qualified) {
				return project.ImportedRef(b.Qualified + "." + string(attr.Text()))
			}
		}
	}
	return project.Ref{}
}

// importRooted reports whether an attribute chain starts at an imported name.
func (w *walker) importRooted(n syntax.Node) bool {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject).Unparen()
	}
	b := w.r.Lookup(n)
	return b != nil && b.Kind == names.Import
}

// external are top-level modules of the standard library and common
// third-party packages: calls into them never lead back to project code,
// so they are not exported.
var external = func() func(string) bool {
	set := map[string]bool{}
	for _, m := range strings.Fields(`os sys json logging re time datetime typing asyncio collections functools
		itertools pathlib subprocess uuid base64 hashlib hmac random math io tempfile shutil argparse csv
		dataclasses enum traceback urllib http contextlib threading concurrent copy pprint textwrap string
		struct socket ssl glob fnmatch inspect importlib warnings unittest pytest mock decimal secrets
		zlib gzip pickle operator abc types signal platform getpass queue multiprocessing email html xml
		google googleapiclient grpc fastapi flask starlette pydantic sqlalchemy sqlmodel alembic numpy
		pandas requests httpx aiohttp redis vertexai werkzeug jinja2 click typer uvicorn gunicorn django
		firebase_admin functions_framework boto3 openai anthropic langchain yaml toml tomllib dotenv
		jwt passlib bcrypt celery kombu pytz dateutil tenacity backoff structlog rich tqdm PIL cv2 torch
		tensorflow sklearn scipy matplotlib apache_beam opentelemetry prometheus_client sentry_sdk`) {
		set[m] = true
	}
	return func(q string) bool {
		if i := strings.IndexByte(q, '.'); i > 0 {
			q = q[:i]
		}
		return set[q]
	}
}()

// exports records an __init__.py's module-level imports, which other files
// import through the package.
func (w *walker) exports() {
	for _, b := range w.r.Imports {
		if b.Scope.Kind != names.ModuleScope || external(b.Qualified) {
			continue
		}
		if w.fact.Exports == nil {
			w.fact.Exports = map[string]project.Ref{}
		}
		w.fact.Exports[b.Name] = project.ImportedRef(b.Qualified)
	}
}

// display is how messages name a constructor: without the google.cloud. or
// google. prefix ("bigquery.Client", "genai.Client").
func display(q string) string {
	if s, ok := strings.CutPrefix(q, "google.cloud."); ok {
		return s
	}
	return strings.TrimPrefix(q, "google.")
}
