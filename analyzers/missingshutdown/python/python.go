// Package python is XY006 missing-shutdown's Python detection (the rule's
// documentation is in the parent package).
//
// An app is a FastAPI() or Starlette() call. The file pass groups the names
// an app goes by in the file (the variable it is assigned to, aliases,
// `return app` in a module-level factory function, a variable assigned the
// factory's result) and records, per group, whether something gives it
// shutdown handling (lifespan=, on_shutdown=, a "shutdown" event handler,
// app.router.lifespan_context or app.router.on_shutdown) and whether it is
// mounted on another app (app.mount, app.host, Mount(...)). Names imported
// from other modules stay references ("admin.admin_app",
// "factory.create_app()"). The project phase (project.go) links the groups
// of all files through those references — an app created in one module,
// mounted or given a shutdown handler in another is one app — and reports
// each app that is not mounted anywhere and has no shutdown handling, once,
// at the call that creates it.
package python

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xynergy/xylint/analyzers/missingshutdown"
	"github.com/xynergy/xylint/internal/pools"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

// Analyzer is XY006 missing-shutdown for Python.
var Analyzer = pyanalysis.New(missingshutdown.Rule, missingshutdown.OptionsSpec, pyanalysis.Def[*missingshutdown.Config]{
	Kinds: []syntax.Kind{syntax.KindCall, syntax.KindAssignment, syntax.KindReturnStatement},
	// Files that create apps, files that mount them or give them
	// shutdown handling, and entry modules that serve a factory's app
	// (app = create_app()), whose clients are the app's to close.
	Prefilter: &pyanalysis.Prefilter{Any: []string{"FastAPI", "Starlette", "mount", "Mount", "on_event", "add_event_handler", "lifespan", "on_shutdown",
		"create_app", "make_app", "build_app", "get_app", "get_application", "app_factory", "uvicorn"}},
	Excludes:  func(o *missingshutdown.Config, path string) bool { return o.Exclude.Match(path) },
	FactTypes: []pyanalysis.Fact{(*fileFact)(nil)},
	Run:       run,
	Project:   projectPhase,
})

// appKind is the framework of the ASGI application class q makes
// ("FastAPI", "Starlette"), or "".
func appKind(q string) string {
	if k := web.Objects[q]; k.ASGIApp() {
		return k.Framework()
	}
	return ""
}

type filePass struct {
	pass *pyanalysis.Pass
	opts *missingshutdown.Config
	r    *names.Resolver
	uf   unionFind
	// per key: flags
	handled map[key]bool
	mounted map[key]bool
	startup map[key]bool
	created map[key][]creation
	open    []string
	// passed: key → the function parameters it is passed to (of the file's
	// module-level functions or imported ones); handlesParam: the
	// parameters of the file's module-level functions that give the app
	// they receive shutdown handling.
	passed       map[key][]param
	handlesParam []param
	// The fix's helpers and the creations to fix (fix.go).
	fx       *fixer
	fixSites []fixSite
}

func run(pass *pyanalysis.Pass, opts *missingshutdown.Config) error {
	fp := &filePass{
		pass: pass, opts: opts, r: pass.Names, uf: unionFind{parent: map[key]key{}},
		handled: map[key]bool{}, mounted: map[key]bool{}, startup: map[key]bool{},
		created: map[key][]creation{}, passed: map[key][]param{},
	}
	for _, n := range pass.Nodes(syntax.KindCall) {
		fp.call(n)
	}
	for _, n := range pass.Nodes(syntax.KindAssignment) {
		fp.assignment(n)
	}
	for _, n := range pass.Nodes(syntax.KindReturnStatement) {
		fp.ret(n)
	}
	if f := fp.fact(); f != nil {
		pass.ExportFact(f)
	}
	return nil
}

// A key names the object an expression stands for within the file, for the
// file's union of names. One of its forms is set:
//
//   - ref: a reference another module can reach or makes — a module-level
//     name, what a module-level function returns (a Local reference, Call
//     for that), a name imported from another module or what calling it
//     returns (Imported); these become the file's fact (keyRef);
//   - scope and name: a name local to the scope whose node index is scope-1;
//   - attr: an attribute chain (self.app), file-wide;
//   - made: an app created by a call that is not assigned (the call's node
//     index + 1).
//
// The zero key names nothing.
type key struct {
	ref   project.Ref
	scope int
	name  string
	attr  string
	made  int
}

func (k key) isZero() bool { return k == key{} }

// imported reports whether k is another module's name or what calling it
// returns.
func (k key) imported() bool { return k.ref.Kind == project.Imported }

// String writes k for ordering the file's groups stably: ":name",
// "L12:name", "A:x.y", "ret:f", "C<index>", "ref:q", "ref:q()".
func (k key) String() string {
	switch {
	case k.ref.Kind == project.Local && k.ref.Call:
		return "ret:" + k.ref.Name
	case k.ref.Kind == project.Local:
		return ":" + k.ref.Name
	case k.imported():
		return "ref:" + k.ref.String()
	case k.scope > 0:
		return "L" + strconv.Itoa(k.scope-1) + ":" + k.name
	case k.attr != "":
		return "A:" + k.attr
	case k.made > 0:
		return "C" + strconv.Itoa(k.made-1)
	}
	return ""
}

// key returns the key of the object n stands for, or the zero key for
// expressions it cannot name.
func (fp *filePass) key(n syntax.Node) key {
	n = n.Unparen()
	switch n.Kind() {
	case syntax.KindIdentifier:
		b := fp.r.Lookup(n)
		switch {
		case b == nil:
			return key{}
		case b.Kind == names.Import:
			return key{ref: project.ImportedRef(b.Qualified)}
		case b.Scope.Kind == names.ModuleScope:
			return key{ref: project.LocalRef(b.Name)}
		}
		return key{scope: b.Scope.Node.Index() + 1, name: b.Name}
	case syntax.KindAttribute:
		if q, ok := fp.r.QualifiedName(n); ok && fp.importedRoot(n) {
			return key{ref: project.ImportedRef(q)}
		}
		return key{attr: string(n.Text())}
	case syntax.KindCall:
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		if !fn.Is(syntax.KindIdentifier) && !fn.Is(syntax.KindAttribute) {
			return key{}
		}
		k := fp.key(fn)
		switch {
		case k.imported():
			return key{ref: k.ref.Called()}
		case k.ref.Kind == project.Local:
			if b := fp.r.Lookup(fn); b != nil && b.Kind == names.Definition {
				return key{ref: project.LocalRef(b.Name).Called()}
			}
		}
	}
	return key{}
}

func (fp *filePass) importedRoot(n syntax.Node) bool {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject).Unparen()
	}
	b := fp.r.Lookup(n)
	return b != nil && b.Kind == names.Import
}

// appKey is the key of the app an expression designates: `app` and
// `app.router` are the same app.
func (fp *filePass) appKey(n syntax.Node) key {
	n = n.Unparen()
	if n.Is(syntax.KindAttribute) && n.ChildByField(syntax.FieldAttribute).TextIs("router") {
		n = n.ChildByField(syntax.FieldObject)
	}
	return fp.key(n)
}

func (fp *filePass) call(n syntax.Node) {
	fn := n.ChildByField(syntax.FieldFunction).Unparen()
	args := n.ChildByField(syntax.FieldArguments)
	if !args.Is(syntax.KindArgumentList) {
		return
	}
	if fn.Is(syntax.KindAttribute) {
		method := fn.ChildByField(syntax.FieldAttribute)
		obj := fn.ChildByField(syntax.FieldObject)
		switch {
		case slices.ContainsFunc(web.EventMethods, method.TextIs):
			ev := args.Argument(0, "event_type")
			switch s, _ := ev.StringLiteral(); s {
			case web.Shutdown:
				fp.markHandled(obj)
			case web.Startup:
				fp.mark(fp.startup, fp.appKey(obj))
			}
			return
		case method.TextIs("append") || method.TextIs("extend") || method.TextIs("insert"):
			// app.router.on_shutdown.append(close)
			if o := obj.Unparen(); o.Is(syntax.KindAttribute) && o.ChildByField(syntax.FieldAttribute).TextIs(web.OnShutdown) {
				fp.markHandled(o.ChildByField(syntax.FieldObject))
			}
			return
		case slices.ContainsFunc(web.MountMethods, method.TextIs):
			sub := args.Argument(1, "app")
			fp.mark(fp.mounted, fp.key(sub))
			return
		}
	}
	q, ok := fp.r.QualifiedName(fn)
	if !ok {
		// Unbound names (a star import): the class names themselves.
		if fn.Is(syntax.KindIdentifier) || fn.Is(syntax.KindAttribute) {
			q = web.StarImported[string(fn.Text())]
		}
	}
	if kind := appKind(q); kind != "" {
		fp.creation(n, args, kind)
		return
	}
	if web.Mounts[q] {
		sub := args.Argument(1, "app")
		fp.mark(fp.mounted, fp.key(sub))
		return
	}
	fp.resource(n, q)
	fp.arguments(fn, args)
}

// markHandled marks the app obj designates as having shutdown handling; when
// obj is a parameter of a module-level function, the function handles the
// apps it is given (`def register_events(app): app.add_event_handler(...)`).
func (fp *filePass) markHandled(obj syntax.Node) {
	fp.mark(fp.handled, fp.appKey(obj))
	o := obj.Unparen()
	if o.Is(syntax.KindAttribute) && o.ChildByField(syntax.FieldAttribute).TextIs("router") {
		o = o.ChildByField(syntax.FieldObject).Unparen()
	}
	b := fp.r.Lookup(o)
	if b == nil || b.Kind != names.Parameter || b.Scope.Kind != names.FunctionScope {
		return
	}
	def := b.Scope.Node
	if !def.Is(syntax.KindFunctionDefinition) || fp.r.ScopeAt(def) != fp.r.ModuleScope() {
		return
	}
	i := 0
	for p := range def.ChildByField(syntax.FieldParameters).NamedChildren() {
		if p.Contains(b.Node) {
			fp.handlesParam = append(fp.handlesParam, param{Fn: project.LocalRef(string(def.ChildByField(syntax.FieldName).Text())), I: i})
			return
		}
		i++
	}
}

// arguments records the names passed positionally to a function of the
// file or of another module, for markHandled's functions.
func (fp *filePass) arguments(fn, args syntax.Node) {
	var callee project.Ref
	j := 0
	for a := range args.NamedChildren() {
		if a.Is(syntax.KindKeywordArgument) || a.Is(syntax.KindDictionarySplat) {
			continue
		}
		if a.Is(syntax.KindListSplat) {
			return
		}
		if a.Is(syntax.KindIdentifier) {
			k := fp.key(a)
			if !k.isZero() && !k.imported() {
				if callee.IsZero() {
					callee = fp.callee(fn)
					if callee.IsZero() {
						return
					}
				}
				fp.passed[k] = append(fp.passed[k], param{Fn: callee, I: j})
			}
		}
		j++
	}
}

// callee is the function a call's callee names: a module-level function
// of the file, an imported one, else the zero Ref.
func (fp *filePass) callee(fn syntax.Node) project.Ref {
	fn = fn.Unparen()
	if fn.Is(syntax.KindIdentifier) {
		return project.DefinitionRef(fp.r, fn)
	}
	if k := fp.key(fn); k.imported() {
		return k.ref
	}
	return project.Ref{}
}

// creation records an app: its key is the variable it is assigned to (or
// the function it is returned from), or its own.
func (fp *filePass) creation(n, args syntax.Node, kind string) {
	c := creation{Kind: kind, At: fp.pass.File.Lines.Range(n.Start(), n.End())}
	var k key
	switch p := n.Parent(); {
	case p.Is(syntax.KindAssignment) && p.ChildByField(syntax.FieldRight) == n:
		k = fp.key(p.ChildByField(syntax.FieldLeft))
	case p.Is(syntax.KindReturnStatement):
		k = fp.returnKey(p)
	}
	if k.isZero() {
		k = key{made: n.Index() + 1}
	}
	if !handledByArguments(args) {
		fp.fixSites = append(fp.fixSites, fixSite{key: k, i: len(fp.created[k]), call: n, kind: kind})
	}
	fp.created[k] = append(fp.created[k], c)
	fp.uf.find(k)
	if handledByArguments(args) {
		fp.handled[k] = true
	}
	if s := args.KeywordArg(web.OnStartup); !s.IsZero() && !s.Is(syntax.KindNone) {
		fp.startup[k] = true
	}
}

// handledByArguments: lifespan= (any expression but None) or a non-empty
// on_shutdown=.
func handledByArguments(args syntax.Node) bool {
	if l := args.KeywordArg(web.Lifespan); !l.IsZero() && !l.Is(syntax.KindNone) {
		return true
	}
	if s := args.KeywordArg(web.OnShutdown).Unparen(); !s.IsZero() && !s.Is(syntax.KindNone) {
		if (s.Is(syntax.KindList) || s.Is(syntax.KindTuple)) && s.NamedChildCount() == 0 {
			return false
		}
		return true
	}
	for a := range args.NamedChildren() {
		if a.Is(syntax.KindDictionarySplat) {
			return true // **kwargs may carry lifespan
		}
	}
	return false
}

func (fp *filePass) mark(m map[key]bool, k key) {
	if !k.isZero() {
		m[k] = true
		fp.uf.find(k)
	}
}

func (fp *filePass) assignment(n syntax.Node) {
	left := n.ChildByField(syntax.FieldLeft)
	right := n.ChildByField(syntax.FieldRight)
	if right.IsZero() {
		return
	}
	// app.router.lifespan_context = lifespan, app.router.on_shutdown = [...]
	if left.Is(syntax.KindAttribute) {
		attr := left.ChildByField(syntax.FieldAttribute)
		if attr.TextIs(web.LifespanContext) || attr.TextIs(web.OnShutdown) {
			fp.markHandled(left.ChildByField(syntax.FieldObject))
			return
		}
	}
	if !left.Is(syntax.KindIdentifier) {
		return
	}
	r := right.Unparen()
	if !r.Is(syntax.KindIdentifier) && !r.Is(syntax.KindAttribute) && !r.Is(syntax.KindCall) {
		return
	}
	if r.Is(syntax.KindCall) {
		// app = create_app(): the factory's app. Creations are keyed in
		// creation().
		if fn := r.ChildByField(syntax.FieldFunction).Unparen(); fn.Is(syntax.KindIdentifier) || fn.Is(syntax.KindAttribute) {
			if q, _ := fp.r.QualifiedName(fn); appKind(q) != "" {
				return
			}
		}
	}
	rk := fp.key(r)
	if rk.isZero() || rk.attr != "" {
		return
	}
	if rk.imported() && !rk.ref.Call && r.Is(syntax.KindAttribute) {
		// x = settings.something: not an app.
		return
	}
	if lk := fp.key(left); !lk.isZero() {
		fp.uf.union(lk, rk)
	}
}

// returnKey is the key of what the module-level function f returns, for a
// return statement of f (the zero key in other functions).
// f.
func (fp *filePass) returnKey(ret syntax.Node) key {
	for p := ret.Parent(); !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) {
			if fp.r.ScopeAt(p) != fp.r.ModuleScope() {
				return key{}
			}
			return key{ref: project.LocalRef(string(p.ChildByField(syntax.FieldName).Text())).Called()}
		}
		if p.Is(syntax.KindLambda) || p.Is(syntax.KindClassDefinition) {
			return key{}
		}
	}
	return key{}
}

func (fp *filePass) ret(n syntax.Node) {
	v := n.FirstNamedChild().Unparen()
	if !v.Is(syntax.KindIdentifier) {
		return
	}
	rk := fp.returnKey(n)
	if rk.isZero() {
		return
	}
	if k := fp.key(v); !k.isZero() && !k.imported() {
		fp.uf.union(rk, k)
	}
}

// resource records what a call leaves open: a pooled getter of the pool
// modules, or a client constructor of XY003's table (not one opened by a
// `with` statement, which closes it).
func (fp *filePass) resource(n syntax.Node, q string) {
	if q == "" {
		return
	}
	for _, m := range fp.opts.PoolModules {
		if rest, ok := strings.CutPrefix(q, m+"."); ok && !strings.Contains(rest, ".") {
			if !strings.HasPrefix(rest, "close") && !strings.HasPrefix(rest, "shutdown") && !strings.HasPrefix(rest, "_") {
				fp.addOpen(rest + "()")
			}
			return
		}
	}
	if desc, ok := backgroundTasks[q]; ok {
		fp.addOpen(desc)
		return
	}
	if !isClient(q) {
		return
	}
	p := n.Parent()
	if p.Is(syntax.KindAwait) {
		p = p.Parent()
	}
	if p.Is(syntax.KindAsPattern) {
		p = p.Parent()
	}
	if p.Is(syntax.KindWithItem) {
		return
	}
	fp.addOpen(shortName(q))
}

// backgroundTasks are the calls that start work outliving a request,
// which a shutdown handler must stop or await (by qualified name; how the
// message names it).
var backgroundTasks = map[string]string{
	"asyncio.create_task":   "a background task (asyncio.create_task)",
	"asyncio.ensure_future": "a background task (asyncio.ensure_future)",
	"threading.Thread":      "a background thread",
	"apscheduler.schedulers.background.BackgroundScheduler": "a scheduler (BackgroundScheduler)",
	"apscheduler.schedulers.asyncio.AsyncIOScheduler":       "a scheduler (AsyncIOScheduler)",
}

func (fp *filePass) addOpen(s string) {
	if !slices.Contains(fp.open, s) {
		fp.open = append(fp.open, s)
	}
}

// shortName is a constructor's last two parts: "bigquery.Client".
func shortName(q string) string {
	parts := strings.Split(q, ".")
	if len(parts) > 2 {
		parts = parts[len(parts)-2:]
	}
	return strings.Join(parts, ".")
}

// clients is XY003's default constructor table (internal/pools).
var clients = sync.OnceValue(func() *pools.Table { return pools.NewTable(pools.DefaultClients) })

// isClient reports whether q builds a client that belongs in a pool.
func isClient(q string) bool { return clients().Lookup(q) != nil }

// unionFind groups keys.
type unionFind struct{ parent map[key]key }

func (u *unionFind) find(k key) key {
	p, ok := u.parent[k]
	if !ok {
		u.parent[k] = k
		return k
	}
	if p == k {
		return k
	}
	r := u.find(p)
	u.parent[k] = r
	return r
}

func (u *unionFind) union(a, b key) {
	ra, rb := u.find(a), u.find(b)
	if ra != rb {
		u.parent[ra] = rb
	}
}
