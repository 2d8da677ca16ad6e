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
	"slices"
	"strings"

	"github.com/xynergy/xylint/analyzers/directclient"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/pools"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/roles"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Analyzer is XY003 direct-client for Python.
var Analyzer = pyanalysis.New(directclient.Rule, directclient.OptionsSpec, pyanalysis.Def[*directclient.Config]{
	Kinds: slices.Concat([]syntax.Kind{syntax.KindCall, syntax.KindFunctionDefinition, syntax.KindAssignment}, roles.Kinds),
	// A file must name every dotted part of a constructor (the text of any
	// import form and call has them all: `from google.cloud import bigquery`
	// then `bigquery.Client()`), or carry a per-request or startup marker.
	// So a helper module between a route and the function that builds the
	// client, if it has neither, is not read: the site is then classified
	// per call instead of per request.
	PrefilterFor: prefilterFor,
	Excludes:     func(c *directclient.Config, path string) bool { return c.Excludes(path) },
	// Tests are excluded, but one that patches a constructor says the
	// module it tests gets no fix (patched.go).
	ExcludedPrefilter: patchPrefilter,
	FactTypes:         []pyanalysis.Fact{(*fileFact)(nil), (*roles.File)(nil), (*patchFact)(nil)},
	Run:               run,
	Project:           projectPhase,
})

// prefilterFor is the prefilter of a configuration's table: files that
// name every dotted part of one of its constructors, or carry an entry
// marker (nil when a constructor glob has no literal text: every file may
// name it).
func prefilterFor(c *directclient.Config) *pyanalysis.Prefilter {
	pf := &pyanalysis.Prefilter{
		Any:   roles.ServiceMarkers,
		Match: roles.ServiceMatch,
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

// fileFact is the sites of one file (the file's part of the role model,
// *roles.File, is exported beside it).
type fileFact struct {
	Sites []siteFact
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
	// Instance is the instance attribute a method keeps the client in
	// after testing it (`self._client`: instanceCache), or "".
	Instance string `json:",omitempty"`
	// Fix is the site's fix (see fix.go), or nil.
	Fix *lint.Fix
	// NoFix says why a site with a getter has no fix (the client escapes,
	// settings would be dropped), for the message.
	NoFix string `json:",omitempty"`
	// Transport is the connection pool the call builds the client on, as
	// written (`transport=_t`, `mount(adapter)`; transport), or "";
	// SharedTransport says that pool is a module-level object's.
	Transport       string `json:",omitempty"`
	SharedTransport bool   `json:",omitempty"`
	// Setting is the first keyword argument of the call the getter does
	// not take (`client_options`, `credentials`): the client is
	// configured for this site, so the getter as it is cannot replace it.
	Setting string `json:",omitempty"`
	// Qualified is the constructor's dotted name ("google.cloud.bigquery.Client")
	// and Callee the call's callee as written ("bigquery.Client"): the names
	// a test may patch it by (patched.go).
	Qualified, Callee string
}

func run(pass *pyanalysis.Pass, opts *directclient.Config) error {
	if pass.Excluded {
		if f := patches(pass); f != nil {
			pass.ExportFact(f)
		}
		return nil
	}
	w := &walker{pass: pass, r: pass.Names, t: opts.Table}
	w.calls()
	w.fixes()
	if len(w.fact.Sites) > 0 {
		pass.ExportFact(&w.fact)
	}
	if f := roles.Collect(pass); f != nil {
		pass.ExportFact(f)
	}
	return nil
}

type walker struct {
	pass *pyanalysis.Pass
	r    *names.Resolver
	t    *pools.Table
	fact fileFact
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

// calls finds the construction sites.
func (w *walker) calls() {
	for _, call := range w.pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		if e, q := w.constructor(fn); e != nil {
			w.site(call, roles.OwnerDef(call), e, q)
		}
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
		Range:     w.pass.File.Lines.Range(call.Start(), call.End()),
		Display:   display(q),
		Getter:    e.Getter,
		Module:    e.Module,
		Qualified: q,
		Callee:    string(call.ChildByField(syntax.FieldFunction).Unparen().Text()),
	}
	w.sites = append(w.sites, siteCall{call, e})
	s.Transport, s.SharedTransport = w.transport(call, def)
	if e.Getter != "" && s.Transport == "" {
		// (A client built on a pool of its own is the transport's
		// question: transport.go.)
		s.Setting = ownSetting(call, e)
	}
	if def.IsZero() {
		s.Kind = directclient.KindModuleLevel
		w.fact.Sites = append(w.fact.Sites, s)
		return
	}
	s.Chain = roles.Chain(call)
	if how := w.cached(call, def); how != "" {
		s.Kind, s.How = directclient.KindCached, how
	} else {
		s.Instance = instanceCache(call, def)
	}
	w.fact.Sites = append(w.fact.Sites, s)
}

// ownSetting is the name of the call's first keyword argument that the
// entry's getter does not take (neither in its args nor in what it
// drops for its own timeout and limits; a transport is transport.go's
// question), or "".
func ownSetting(call syntax.Node, e *directclient.Client) string {
	for a := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
		if !a.Is(syntax.KindKeywordArgument) {
			continue
		}
		name := string(a.ChildByField(syntax.FieldName).Text())
		if !slices.Contains(e.Args, name) && !slices.Contains(e.Drop, name) && !slices.Contains(transportArgs, name) {
			return name
		}
	}
	return ""
}

// cacheDecorators make a function run once per distinct argument list.
var cacheDecorators = []string{
	"functools.lru_cache", "functools.cache", "cachetools.cached", "cachetools.func.lru_cache",
	"cachetools.func.ttl_cache", "async_lru.alru_cache", "aiocache.cached",
}

// cached says how a site in def is cached by hand, or "".
func (w *walker) cached(call, def syntax.Node) string {
	for _, d := range roles.Decorators(def) {
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
	target, v := assignedTo(call)
	if target.IsZero() {
		return ""
	}
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

// assignedTo returns the target a call's value is assigned to — `t =
// X()`, `t = t or X()`, `t = await X()` — and the assigned expression
// (the call, or the `or`/await around it); a zero target otherwise.
func assignedTo(call syntax.Node) (target, value syntax.Node) {
	v := call
	for p := v.Parent(); p.Is(syntax.KindBooleanOperator) || p.Is(syntax.KindParenthesizedExpression) || p.Is(syntax.KindAwait); p = v.Parent() {
		v = p
	}
	asg := v.Parent()
	if !asg.Is(syntax.KindAssignment) || asg.ChildByField(syntax.FieldRight) != v {
		return syntax.Node{}, v
	}
	return asg.ChildByField(syntax.FieldLeft), v
}

// instanceCache names the instance attribute a method keeps the client in
// when it tests that attribute first — `if self._client is not None:
// return self._client` ... `self._client = Redis(...)`, or `self._c =
// self._c or X()` — so that the client is built once per instance, not per
// call; "" otherwise. The instance's own lifetime decides how often that
// is, which the message leaves to the reach (per request, per call).
func instanceCache(call, def syntax.Node) string {
	t, v := assignedTo(call)
	t = t.Unparen()
	if !t.Is(syntax.KindAttribute) {
		return ""
	}
	obj := t.ChildByField(syntax.FieldObject).Unparen()
	params := def.ChildByField(syntax.FieldParameters)
	first := params.FirstNamedChild()
	if !obj.Is(syntax.KindIdentifier) || first.IsZero() || !first.Is(syntax.KindIdentifier) || !bytes.Equal(first.Text(), obj.Text()) {
		return "" // not the method's own instance
	}
	if v.Is(syntax.KindBooleanOperator) && mentions(v, t) {
		return string(t.Text())
	}
	for n := range def.ChildByField(syntax.FieldBody).Descendants() {
		if (n.Is(syntax.KindIfStatement) || n.Is(syntax.KindElifClause) || n.Is(syntax.KindConditionalExpression)) &&
			n.Start() < call.Start() && mentions(n.ChildByField(syntax.FieldCondition), t) {
			return string(t.Text())
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

// display is how messages name a constructor: without the google.cloud. or
// google. prefix ("bigquery.Client", "genai.Client").
func display(q string) string {
	if s, ok := strings.CutPrefix(q, "google.cloud."); ok {
		return s
	}
	return strings.TrimPrefix(q, "google.")
}
