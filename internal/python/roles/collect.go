package roles

import (
	"bytes"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/project"
	"github.com/xynergy/xylint/internal/python/provenance"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

// Kinds are the node kinds Collect reads: an analyzer that uses the model
// adds them to its own.
var Kinds = []syntax.Kind{syntax.KindCall, syntax.KindFunctionDefinition, syntax.KindIfStatement}

// EntryKind says what runs an entry point, and so which role the code it
// reaches has.
type EntryKind uint8

const (
	// Request: a web framework calls it per request (route handlers,
	// request hooks, middleware, error handlers, dependencies, views,
	// Cloud Functions and Cloud Run entry points).
	Request EntryKind = iota + 1
	// Startup: it runs once, when a service starts (lifespan, startup
	// hooks).
	Startup
	// Worker: a worker calls it per message or job (Celery tasks, Pub/Sub
	// subscription callbacks).
	Worker
	// Command: it is a command-line program's code (the body of `if
	// __name__ == "__main__":`, click and typer commands, what fire.Fire
	// exposes, a function that parses the command line with argparse,
	// `[project.scripts]` targets).
	Command
)

// Service reports whether entries of kind k make the code they reach
// service code.
func (k EntryKind) Service() bool { return k == Request || k == Startup || k == Worker }

// ModuleKey is the key of the pseudo-function that is a command-line
// program's module-level code (outside functions and main blocks): an
// argparse program that parses and dispatches at module level.
const ModuleKey = "<module>"

// MainKey is the key of the pseudo-function that is a file's `if __name__
// == "__main__":` block.
const MainKey = "__main__"

// File is one file's part of the role model: its functions with the calls
// they make and whether they are entry points, the entry points it
// registers by reference, and what marks it as a command-line program or a
// script. It is plain data (a pyanalysis.Fact an analyzer using the model
// exports, as it is, among its own facts).
type File struct {
	Funcs []Func // sorted by Key
	// Entries are functions or classes the file registers as entry points
	// by reference (Depends(x), lifespan=x, add_url_rule(..., f),
	// fire.Fire(f), subscribe(path, callback=f)).
	Entries []Registered
	// Exports are an __init__.py's module-level imports (name → what it
	// imports), followed when another file imports the name from the
	// package.
	Exports map[string]project.Ref
	// CLI names the command-line library the file's code uses ("argparse",
	// "click", "typer", "fire", "__main__" for a main block alone), or "".
	CLI string
	// Service: the file defines or registers an entry point of a service.
	Service bool
	// Script says what in the file's content makes it a one-off script (a
	// notebook exported to .py, a locust load test), or "".
	Script string
	// Sample: the file is a documentation sample — it has sample regions
	// (`# [START name]` ... `# [END name]`, the lines a documentation page
	// publishes) or is an ingredient of generated samples (`# <INGREDIENT
	// name>`): what no service reaches in it is an example (Model.Role).
	Sample bool
	// TopLevel says what work the file's module-level code does when it is
	// neither a command-line program's (CLI) nor a service's — a loop that
	// calls something (a start-up wait loop), or a statement that calls a
	// project function (`create_dataset(NAME)` in a setup script) — or "".
	// Such a file that nothing in the project imports is run as a program
	// (Model.Role): its module-level code is then a command's entry.
	TopLevel string
	// Imports are the project modules (and names of them) the file imports,
	// as written, qualified: what says which files nothing imports.
	Imports []string
}

// PyFact marks File as a fact (pyanalysis.Fact).
func (*File) PyFact() {}

// Func is one function of a file (or the file's main block, MainKey).
type Func struct {
	Key   string // "f", "C.m", "outer.inner"
	Entry Entry  // the zero Entry when the function is no entry point by itself
	Calls []project.Ref
}

// Entry is what makes a function an entry point: its kind and how
// messages name it ("route handler `daily_stats` (GET /stats/daily)").
type Entry struct {
	Kind EntryKind
	Desc string
}

// Registered is an entry point registered by reference.
type Registered struct {
	Ref project.Ref
	Entry
	// Depends: a class registered with Depends (FastAPI builds an instance
	// per request).
	Depends bool
}

// collectKey is the key under which Collect shares its result between the
// analyzers of one file (pyanalysis.Pass.Once).
var collectKey = new(int)

// Collect returns the role model's part of the file of pass, computed once
// per file for every analyzer that asks (each must declare Kinds). It is
// nil when the file has nothing the model uses.
func Collect(pass *pyanalysis.Pass) *File {
	f, _ := pass.Once(collectKey, func() any { return collect(pass) }).(*File)
	return f
}

func collect(pass *pyanalysis.Pass) *File {
	c := &collector{pass: pass, r: pass.Names, keys: map[int]string{}, funcs: map[string]*Func{}}
	c.cli()
	c.functions()
	c.calls()
	c.mainBlocks()
	if path.Base(pass.Path) == "__init__.py" {
		c.exports()
	}
	c.fact.Script = script(pass)
	c.fact.Sample = provenance.HasSampleRegion(pass.Src) || provenance.SampleTemplate(pass.Src)
	c.imports()
	c.moduleCode()
	if len(c.funcs) == 0 && len(c.fact.Entries) == 0 && len(c.fact.Exports) == 0 && c.fact.CLI == "" && c.fact.Script == "" && !c.fact.Service && !c.fact.Sample && len(c.fact.Imports) == 0 && c.fact.TopLevel == "" {
		return nil
	}
	for _, k := range slices.Sorted(maps.Keys(c.funcs)) {
		fn := c.funcs[k]
		if fn.Entry.Kind.Service() {
			c.fact.Service = true
		}
		c.fact.Funcs = append(c.fact.Funcs, *fn)
	}
	for _, e := range c.fact.Entries {
		if e.Kind.Service() {
			c.fact.Service = true
		}
	}
	return &c.fact
}

type collector struct {
	pass  *pyanalysis.Pass
	r     *names.Resolver
	keys  map[int]string // function or class definition index → key
	funcs map[string]*Func
	fact  File
	// cliLib is the command-line library the file imports (click, typer,
	// ...), whose `@x.command()` decorators make commands.
	cliLib string
	// mcp: the file imports an MCP server library (mcp, fastmcp), whose
	// `@x.tool()` decorators make request handlers.
	mcp bool
}

func (c *collector) fn(key string) *Func {
	f := c.funcs[key]
	if f == nil {
		f = &Func{Key: key}
		c.funcs[key] = f
	}
	return f
}

// Key is the dotted path of the definitions around and including def
// ("C.m", "outer.inner"): the key of a function in the model.
func Key(def syntax.Node) string {
	var parts []string
	for p := def; !p.IsZero(); p = p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) || p.Is(syntax.KindClassDefinition) {
			parts = append(parts, string(p.ChildByField(syntax.FieldName).Text()))
		}
	}
	slices.Reverse(parts)
	return strings.Join(parts, ".")
}

func (c *collector) key(def syntax.Node) string {
	if k, ok := c.keys[def.Index()]; ok {
		return k
	}
	k := Key(def)
	c.keys[def.Index()] = k
	return k
}

// Chain is the keys of the functions n is evaluated in, innermost first
// (see OwnerDef); at module level, [MainKey] in the body of an `if __name__
// == "__main__":` block and empty elsewhere. A rule's fact records it for
// a site, and the project phase asks the model the role of the chain.
func Chain(n syntax.Node) []string {
	var chain []string
	for d := OwnerDef(n); !d.IsZero(); d = OwnerDef(d) {
		chain = append(chain, Key(d))
	}
	if len(chain) == 0 && InMainBlock(n) {
		chain = []string{MainKey}
	}
	return chain
}

// OwnerDef is the innermost function definition n is evaluated in (lambdas
// count as part of the function around them), or the zero Node at module
// level. A function's decorators and defaults belong to the scope around it.
func OwnerDef(n syntax.Node) syntax.Node {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Is(syntax.KindFunctionDefinition) && child.Field() == syntax.FieldBody {
			return p
		}
	}
	return syntax.Node{}
}

// MethodClass is the class whose body defines def directly, or zero.
func MethodClass(def syntax.Node) syntax.Node {
	p := def.Parent()
	if p.Is(syntax.KindDecoratedDefinition) {
		p = p.Parent()
	}
	if p.Is(syntax.KindBlock) && p.Parent().Is(syntax.KindClassDefinition) {
		return p.Parent()
	}
	return syntax.Node{}
}

// Decorators are the expressions of def's decorators, unparenthesised.
func Decorators(def syntax.Node) []syntax.Node {
	p := def.Parent()
	if !p.Is(syntax.KindDecoratedDefinition) {
		return nil
	}
	var out []syntax.Node
	for d := range p.NamedChildren() {
		if d.Is(syntax.KindDecorator) {
			out = append(out, d.FirstNamedChild().Unparen())
		}
	}
	return out
}

// InMainBlock reports whether n is in the body of an `if __name__ ==
// "__main__":` block (not its elif/else branches).
func InMainBlock(n syntax.Node) bool {
	child := n
	for p := n.Parent(); !p.IsZero(); child, p = p, p.Parent() {
		if p.Is(syntax.KindIfStatement) && child.Field() == syntax.FieldConsequence && IsMainTest(p.ChildByField(syntax.FieldCondition)) {
			return true
		}
	}
	return false
}

// IsMainTest matches `__name__ == "__main__"` in either order.
func IsMainTest(c syntax.Node) bool {
	c = c.Unparen()
	if !c.Is(syntax.KindComparisonOperator) || c.NamedChildCount() != 2 {
		return false
	}
	var sides [2]syntax.Node
	i := 0
	for s := range c.NamedChildren() {
		sides[i] = s
		i++
	}
	if !sides[0].NextSibling().TextIs("==") {
		return false
	}
	isName := func(n syntax.Node) bool { return n.Is(syntax.KindIdentifier) && n.TextIs("__name__") }
	isMain := func(n syntax.Node) bool {
		return n.Is(syntax.KindString) && (n.TextIs(`"__main__"`) || n.TextIs(`'__main__'`))
	}
	return isName(sides[0]) && isMain(sides[1]) || isMain(sides[0]) && isName(sides[1])
}

// cliLibraries are the command-line libraries whose use makes a program a
// command-line one, by top-level module.
var cliLibraries = []string{"argparse", "click", "typer", "fire", "rich_click", "asyncclick", "cyclopts", "docopt"}

// cli finds the command-line library the file imports.
func (c *collector) cli() {
	for _, b := range c.r.Imports {
		top, _, _ := strings.Cut(b.Qualified, ".")
		if top == "mcp" || top == "fastmcp" {
			c.mcp = true
		}
		if slices.Contains(cliLibraries, top) {
			c.cliLib = top
			if c.fact.CLI == "" || top != "argparse" {
				c.fact.CLI = top
			}
		}
	}
}

// functions classifies every function by its decorators and parameters.
func (c *collector) functions() {
	for _, def := range c.pass.Nodes(syntax.KindFunctionDefinition) {
		name := string(def.ChildByField(syntax.FieldName).Text())
		for _, d := range Decorators(def) {
			if e, ok := web.DecoratorEntry(c.r, d); ok {
				c.fn(c.key(def)).Entry = Entry{Kind: kindOf(e.Kind), Desc: describe(e, name)}
				break
			}
			if e, ok := c.decoratorEntry(d, name); ok {
				c.fn(c.key(def)).Entry = e
				break
			}
		}
		if cls := MethodClass(def); !cls.IsZero() && OwnerDef(def).IsZero() && !strings.HasPrefix(name, "_") {
			what := ""
			switch {
			case grpcServicer(cls):
				what = "gRPC method"
			case web.FlaskViewMethods[strings.ToUpper(name)] && c.requestHandlerClass(cls):
				what = "request handler method"
			}
			if f := c.fn(c.key(def)); what != "" && f.Entry.Kind == 0 {
				f.Entry = Entry{Kind: Request, Desc: what + " `" + c.key(def) + "`"}
			}
		}
		if !OwnerDef(def).IsZero() || !MethodClass(def).IsZero() {
			continue
		}
		if f := c.funcs[c.key(def)]; f != nil && f.Entry.Kind != 0 {
			continue
		}
		if e, ok := web.ViewEntry(def, c.pass.Path); ok {
			c.fn(c.key(def)).Entry = Entry{Kind: Request, Desc: describe(e, name)}
		}
	}
}

// grpcServicer reports whether cls derives from a gRPC servicer base
// (`class EmailService(demo_pb2_grpc.EmailServiceServicer)`): gRPC calls its
// methods per request.
func grpcServicer(cls syntax.Node) bool {
	bases := cls.ChildByField(syntax.FieldSuperclasses)
	if bases.IsZero() {
		return false
	}
	for b := range bases.NamedChildren() {
		last := b.Unparen()
		if last.Is(syntax.KindAttribute) {
			last = last.ChildByField(syntax.FieldAttribute)
		}
		if last.Is(syntax.KindIdentifier) && strings.HasSuffix(string(last.Text()), "Servicer") {
			return true
		}
	}
	return false
}

// requestHandlerClasses are the base classes whose get/post/... methods a
// server calls per request: Tornado's RequestHandler, aiohttp's View,
// Django's View, http.server's BaseHTTPRequestHandler (do_GET is not
// matched: only the framework-style method names).
var requestHandlerClasses = []string{
	"tornado.web.RequestHandler", "aiohttp.web.View", "aiohttp.web_urldispatcher.View",
	"django.views.View", "django.views.generic.View", "django.views.generic.base.View",
}

// requestHandlerClass reports whether cls derives directly from one of
// requestHandlerClasses.
func (c *collector) requestHandlerClass(cls syntax.Node) bool {
	bases := cls.ChildByField(syntax.FieldSuperclasses)
	if bases.IsZero() {
		return false
	}
	for b := range bases.NamedChildren() {
		if c.r.Refers(b.Unparen(), requestHandlerClasses...) {
			return true
		}
	}
	return false
}

// aiohttpRoutes are aiohttp's route registrations that take the handler
// as their second argument: app.router.add_get("/", h), web.get("/", h).
var aiohttpRoutes = map[string]bool{
	"add_get": true, "add_post": true, "add_put": true, "add_patch": true, "add_delete": true, "add_head": true, "add_view": true,
}

// kindOf is the model's kind of a web entry point.
func kindOf(k web.EntryKind) EntryKind {
	if k.Startup() {
		return Startup
	}
	return Request
}

// workerDecorators are the decorators that make a function a worker's task,
// by their last dotted part (@app.task, @shared_task, @celery.task,
// @dramatiq.actor, @huey.task, @broker.task).
var workerDecorators = []string{"task", "shared_task", "periodic_task", "actor"}

// decoratorEntry recognises what web.DecoratorEntry does not: commands of
// a command-line library (@click.command(), @cli.command(), @app.command()
// on a typer app, @click.group()) and workers' tasks.
func (c *collector) decoratorEntry(d syntax.Node, name string) (Entry, bool) {
	if d.Is(syntax.KindCall) {
		d = d.ChildByField(syntax.FieldFunction).Unparen()
	}
	last := d
	if d.Is(syntax.KindAttribute) {
		last = d.ChildByField(syntax.FieldAttribute)
	} else if !d.Is(syntax.KindIdentifier) {
		return Entry{}, false
	}
	l := string(last.Text())
	switch {
	case c.cliLib != "" && c.cliLib != "argparse" && (l == "command" || l == "group" || l == "callback"):
		return Entry{Kind: Command, Desc: c.cliLib + " command `" + name + "`"}, true
	case c.mcp && (l == "tool" || l == "resource" || l == "prompt") && d.Is(syntax.KindAttribute):
		// An MCP server (FastMCP's @mcp.tool()) calls its tools per request.
		return Entry{Kind: Request, Desc: "MCP " + l + " `" + name + "`"}, true
	case slices.Contains(workerDecorators, l):
		q, ok := c.r.QualifiedName(d)
		if !ok && d.Is(syntax.KindAttribute) {
			ok = true // @app.task on a Celery app built in the file
		}
		// Not asyncio's tasks, pytest's fixtures, nor a locust load test's
		// @task (a simulated user's step, run by the load test).
		if ok && !strings.HasPrefix(q, "asyncio.") && !strings.HasPrefix(q, "pytest") && !strings.HasPrefix(q, "locust.") {
			return Entry{Kind: Worker, Desc: "task `" + name + "`"}, true
		}
	}
	return Entry{}, false
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
	return "`" + name + "`"
}

// calls finds the calls each function makes and the entries registered by
// reference.
func (c *collector) calls() {
	for _, call := range c.pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		def := OwnerDef(call)
		c.registrations(call, def)
		key := ""
		cls := ""
		switch {
		case !def.IsZero():
			key = c.key(def)
			if m := MethodClass(def); !m.IsZero() {
				cls = c.key(m)
			}
		case InMainBlock(call):
			key = MainKey
		default:
			key = ModuleKey
		}
		if ref := c.ref(fn, cls); !ref.IsZero() {
			c.addCall(key, ref)
		}
		// Functions handed to another call run there (add_task,
		// run_in_executor, to_thread, ...).
		for a := range call.ChildByField(syntax.FieldArguments).NamedChildren() {
			if a.Is(syntax.KindKeywordArgument) {
				a = a.ChildByField(syntax.FieldValue).Unparen()
			}
			if a.Is(syntax.KindIdentifier) {
				if b := c.r.Lookup(a); b != nil && b.Kind == names.Definition {
					if ref := c.ref(a, cls); !ref.IsZero() {
						c.addCall(key, ref)
					}
				}
			}
		}
		// An app is built at service start: a module that builds one at
		// module level is a service's, and a function that builds one (an
		// app factory, create_app()) is start-up code, like a lifespan —
		// with what it calls (plugins loaded, clients set up).
		if k := c.appKind(fn); k != 0 {
			if def.IsZero() {
				c.fact.Service = true
			} else if f := c.fn(key); f.Entry.Kind == 0 {
				f.Entry = Entry{Kind: Startup, Desc: "app factory `" + key + "`"}
			}
		}
		// A function that parses the command line is a program's main.
		if !def.IsZero() && c.cliLib == "argparse" && c.r.Refers(fn, "argparse.ArgumentParser") {
			f := c.fn(key)
			if f.Entry.Kind == 0 {
				f.Entry = Entry{Kind: Command, Desc: "command-line parser in `" + key + "`"}
			}
		}
	}
}

// appKind is the kind of app a call of fn builds (FastAPI(), Flask(),
// Starlette()), or 0 (routers and blueprints are not apps).
func (c *collector) appKind(fn syntax.Node) web.Kind {
	if !fn.Is(syntax.KindIdentifier) && !fn.Is(syntax.KindAttribute) {
		return 0
	}
	q, ok := c.r.QualifiedName(fn)
	if !ok {
		return 0
	}
	switch k := web.Objects[q]; k {
	case web.FastAPIApp, web.FlaskApp, web.StarletteApp:
		return k
	}
	return 0
}

// mainBlocks makes the file's `if __name__ == "__main__":` blocks its
// MainKey function, a command.
func (c *collector) mainBlocks() {
	for _, st := range c.pass.Nodes(syntax.KindIfStatement) {
		if !OwnerDef(st).IsZero() || !IsMainTest(st.ChildByField(syntax.FieldCondition)) {
			continue
		}
		c.fn(MainKey).Entry = Entry{Kind: Command, Desc: "the `__main__` block"}
		if c.fact.CLI == "" {
			c.fact.CLI = "__main__"
		}
	}
}

// moduleCode keeps the calls of the file's module-level code (ModuleKey)
// only in a file whose module-level code may be a program's and is no
// service's: one that uses a command-line library (rule 8 of Model.Role):
// its module-level code is the program's, and what it calls is too
// (polar's SDK generator parses its arguments and calls the release tool at
// module level); and one whose top level does work (File.TopLevel), kept
// without an entry, which the model gives it when nothing imports the file.
// Elsewhere module-level calls run whenever the module is imported, by
// whatever imports it.
func (c *collector) moduleCode() {
	service := c.fact.Service || slices.ContainsFunc(c.fact.Entries, func(e Registered) bool { return e.Kind.Service() })
	for _, fn := range c.funcs {
		service = service || fn.Entry.Kind.Service()
	}
	if !service && c.fact.CLI == "" && path.Base(c.pass.Path) != "__init__.py" && !ImportsAny(c.r, uiServers...) {
		c.fact.TopLevel = c.topLevelWork()
	}
	f := c.funcs[ModuleKey]
	switch {
	case f == nil:
	case service || len(f.Calls) == 0 || c.fact.CLI == "__main__" || c.fact.CLI == "" && c.fact.TopLevel == "":
		delete(c.funcs, ModuleKey)
	case c.fact.CLI != "":
		f.Entry = Entry{Kind: Command, Desc: "the module-level code of a command-line program (" + c.fact.CLI + ")"}
	}
}

// uiServers are the libraries whose apps run a module's top level per
// session or serve it (`streamlit run app.py`, gradio's `demo.launch()`):
// such a module is a service nothing imports, not a program.
var uiServers = []string{"streamlit", "gradio", "mesop", "chainlit", "dash", "panel", "nicegui", "solara"}

// ImportsAny reports whether the file r resolves imports one of mods or a
// module under one of them.
func ImportsAny(r *names.Resolver, mods ...string) bool {
	for _, b := range r.Imports {
		for _, m := range mods {
			if b.Qualified == m || strings.HasPrefix(b.Qualified, m+".") {
				return true
			}
		}
	}
	return false
}

// topLevelWork says what module-level code outside functions, classes and
// main blocks does that makes the file a program when nothing imports it:
// a `while` loop that calls something (CTFd's ping.py waits for its
// database), or an expression statement that calls a function of the
// project (`create_dataset(...)`, `main()`, `asyncio.run(main())`); "" when
// it only defines, assigns and configures (`load_dotenv()`,
// `logging.basicConfig()`: calls into other libraries).
func (c *collector) topLevelWork() string {
	var loop, call string
	var walk func(n syntax.Node)
	walk = func(n syntax.Node) {
		for st := range n.NamedChildren() {
			switch {
			case st.Is(syntax.KindFunctionDefinition), st.Is(syntax.KindClassDefinition), st.Is(syntax.KindDecoratedDefinition):
			case st.Is(syntax.KindIfStatement) && IsMainTest(st.ChildByField(syntax.FieldCondition)):
			case st.Is(syntax.KindWhileStatement):
				if loop == "" && hasCall(st) {
					loop = loopWork
				}
				walk(st)
			case st.Is(syntax.KindExpressionStatement):
				if call == "" && !c.instanceAssignment(st) {
					call = c.projectCall(st)
				}
			default:
				walk(st)
			}
		}
	}
	walk(c.pass.File.Root)
	if loop != "" {
		return loop
	}
	return call
}

// instanceAssignment reports whether st assigns a new instance of a class
// to a module-level name (`numeral_tax_service = NumeralTaxService()`):
// the module's shared object, made for whatever imports the module, not a
// program's work — a module that defines a service class and its one
// instance is a library module even when no file the model reads imports
// it (the model reads only the files the rules' prefilters pass: polar's
// tax/calculation/__init__.py, which imports the instance, names no
// client). The class is one the file defines, or a CapWords name (PEP 8's
// class names: `client = Client()`); a call of a function (`rows =
// run_query()`) still counts as work.
func (c *collector) instanceAssignment(st syntax.Node) bool {
	asg := st.FirstNamedChild()
	if !asg.Is(syntax.KindAssignment) {
		return false
	}
	v := asg.ChildByField(syntax.FieldRight).Unparen()
	if !v.Is(syntax.KindCall) {
		return false
	}
	fn := v.ChildByField(syntax.FieldFunction).Unparen()
	name := fn
	if fn.Is(syntax.KindAttribute) {
		name = fn.ChildByField(syntax.FieldAttribute)
	}
	if !name.Is(syntax.KindIdentifier) {
		return false
	}
	if fn.Is(syntax.KindIdentifier) {
		if b := c.r.Lookup(fn); b != nil && b.Kind == names.Definition && b.Node.Parent().Is(syntax.KindClassDefinition) {
			return true
		}
	}
	t := name.Text()
	return len(t) > 1 && t[0] >= 'A' && t[0] <= 'Z' && bytes.ContainsFunc(t[1:], func(r rune) bool { return r >= 'a' && r <= 'z' })
}

// loopWork is File.TopLevel for a module-level loop.
const loopWork = "a `while` loop at module level"

func hasCall(n syntax.Node) bool {
	for d := range n.Descendants() {
		if d.Is(syntax.KindCall) {
			return true
		}
	}
	return false
}

// projectCall names the first call in st of a function of the project (one
// the file defines or imports from the project), or "". A call that hands
// the project a class or function of the file (`register(D1QueryRunner)`)
// registers a plugin, which whatever loads the module by name uses (redash's
// query runners): not a program's work, and st is none.
func (c *collector) projectCall(st syntax.Node) string {
	found := ""
	for d := range st.Descendants() {
		if !d.Is(syntax.KindCall) {
			continue
		}
		for a := range d.ChildByField(syntax.FieldArguments).NamedChildren() {
			if a.Is(syntax.KindKeywordArgument) {
				a = a.ChildByField(syntax.FieldValue)
			}
			if a = a.Unparen(); a.Is(syntax.KindIdentifier) {
				if b := c.r.Lookup(a); b != nil && b.Kind == names.Definition && (b.Node.Parent().Is(syntax.KindClassDefinition) || b.Node.Parent().Is(syntax.KindFunctionDefinition)) {
					return ""
				}
			}
		}
		fn := d.ChildByField(syntax.FieldFunction).Unparen()
		if found == "" && !c.ref(fn, "").IsZero() {
			found = "`" + string(fn.Text()) + "()` called at module level"
		}
	}
	return found
}

// imports records the project modules the file imports (File.Imports).
func (c *collector) imports() {
	for _, b := range c.r.Imports {
		q := b.Qualified
		if d := b.Node.Parent(); d.Is(syntax.KindDottedName) && !strings.Contains(q, ".") {
			// `import a.b` binds a, and imports a.b.
			if t := strings.Join(strings.Fields(string(d.Text())), ""); strings.HasPrefix(t, q+".") {
				q = t
			}
		}
		if !external(q) && !slices.Contains(c.fact.Imports, q) {
			c.fact.Imports = append(c.fact.Imports, q)
		}
	}
}

func (c *collector) addCall(key string, ref project.Ref) {
	f := c.fn(key)
	if !slices.Contains(f.Calls, ref) {
		f.Calls = append(f.Calls, ref)
	}
}

// registrations records functions registered by reference as entry points
// (web.Registrations, fire.Fire(f), Pub/Sub's subscribe(path, callback=f)).
func (c *collector) registrations(call, def syntax.Node) {
	for _, reg := range web.Registrations(c.r, call) {
		target := reg.Target.Unparen()
		instance := target.Is(syntax.KindCall)
		if instance {
			// Depends(Checker(...)): FastAPI calls the instance.
			target = target.ChildByField(syntax.FieldFunction).Unparen()
		}
		ref := c.ref(target, "")
		if instance {
			ref = ref.Attr("__call__")
		}
		if !ref.IsZero() {
			c.fact.Entries = append(c.fact.Entries, Registered{
				Ref:     ref,
				Entry:   Entry{Kind: kindOf(reg.Kind), Desc: registeredAs[reg.Kind]},
				Depends: reg.Kind == web.Dependency,
			})
		}
	}
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	args := call.ChildByField(syntax.FieldArguments)
	var target syntax.Node
	var e Entry
	switch {
	case c.r.Refers(fn, "fire.Fire"):
		target, e = args.FirstNamedChild(), Entry{Kind: Command, Desc: "fire command"}
		if c.fact.CLI == "" {
			c.fact.CLI = "fire"
		}
	case c.r.Refers(fn, "websockets.serve", "websockets.server.serve", "websockets.asyncio.server.serve", "websockets.legacy.server.serve"):
		// A WebSocket server calls its handler per connection.
		target, e = args.FirstNamedChild(), Entry{Kind: Request, Desc: "WebSocket handler"}
		if ws := call.KeywordArg("ws_handler"); !ws.IsZero() {
			target = ws
		}
	case fn.Is(syntax.KindAttribute) && aiohttpRoutes[string(fn.ChildByField(syntax.FieldAttribute).Text())],
		c.r.Refers(fn, "aiohttp.web.get", "aiohttp.web.post", "aiohttp.web.put", "aiohttp.web.patch", "aiohttp.web.delete", "aiohttp.web.view"):
		// aiohttp: the handler is the second argument.
		n := 0
		for a := range args.NamedChildren() {
			if n == 1 && !a.Is(syntax.KindKeywordArgument) {
				target = a
			}
			n++
		}
		if h := call.KeywordArg("handler"); !h.IsZero() {
			target = h
		}
		e = Entry{Kind: Request, Desc: "aiohttp route handler"}
	case fn.Is(syntax.KindAttribute) && fn.ChildByField(syntax.FieldAttribute).TextIs("subscribe"):
		target, e = call.KeywordArg("callback"), Entry{Kind: Worker, Desc: "subscription callback"}
		if target.IsZero() {
			n := 0
			for a := range args.NamedChildren() {
				if n == 1 && !a.Is(syntax.KindKeywordArgument) {
					target = a
				}
				n++
			}
		}
	default:
		return
	}
	target = target.Unparen()
	if target.IsZero() || !(target.Is(syntax.KindIdentifier) || target.Is(syntax.KindAttribute)) {
		return
	}
	if ref := c.ref(target, ""); !ref.IsZero() {
		if e.Kind == Worker && !def.IsZero() && c.cliLib != "" {
			// A subscription a command-line program's function opens
			// (python-docs-samples' argparse snippets: subscribe, wait
			// for one message, return) lives while that function runs:
			// its callback is that function's, not a worker's entry.
			c.addCall(c.key(def), ref)
			return
		}
		e.Desc += " `" + string(target.Text()) + "`"
		c.fact.Entries = append(c.fact.Entries, Registered{Ref: ref, Entry: e})
	}
}

// registeredAs is how messages name a function registered by reference, by
// the kind of entry it is.
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
func (c *collector) ref(n syntax.Node, cls string) project.Ref {
	switch {
	case n.Is(syntax.KindIdentifier):
		b := c.r.Lookup(n)
		if b == nil {
			return project.Ref{}
		}
		switch b.Kind {
		case names.Definition:
			if b.Scope.Kind == names.ClassScope {
				return project.Ref{}
			}
			return project.LocalRef(c.key(b.Node.Parent()))
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
			return c.ref(obj.ChildByField(syntax.FieldFunction).Unparen(), cls).Attr(string(attr.Text()))
		}
		if !obj.Is(syntax.KindIdentifier) {
			if q, ok := c.r.QualifiedName(n); ok && c.importRooted(n) && !external(q) {
				return project.ImportedRef(q)
			}
			return project.Ref{}
		}
		if cls != "" && (obj.TextIs("self") || obj.TextIs("cls")) {
			if b := c.r.Lookup(obj); b != nil && b.Kind == names.Parameter {
				return project.LocalRef(cls + "." + string(attr.Text()))
			}
		}
		b := c.r.Lookup(obj)
		if b == nil {
			return project.Ref{}
		}
		switch b.Kind {
		case names.Definition:
			if b.Node.Parent().Is(syntax.KindClassDefinition) && b.Scope.Kind != names.ClassScope {
				return project.LocalRef(c.key(b.Node.Parent()) + "." + string(attr.Text()))
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
func (c *collector) importRooted(n syntax.Node) bool {
	for n.Is(syntax.KindAttribute) {
		n = n.ChildByField(syntax.FieldObject).Unparen()
	}
	b := c.r.Lookup(n)
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
		zlib gzip pickle operator abc types signal platform getpass queue multiprocessing email html xml builtins atexit
		google googleapiclient grpc fastapi flask starlette pydantic sqlalchemy sqlmodel alembic numpy
		pandas requests httpx aiohttp redis vertexai werkzeug jinja2 click typer uvicorn gunicorn django
		firebase_admin functions_framework boto3 openai anthropic langchain yaml toml tomllib dotenv
		jwt passlib bcrypt celery kombu pytz dateutil tenacity backoff structlog rich tqdm PIL cv2 torch
		tensorflow sklearn scipy matplotlib apache_beam opentelemetry prometheus_client sentry_sdk fire`) {
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
func (c *collector) exports() {
	for _, b := range c.r.Imports {
		if b.Scope.Kind != names.ModuleScope || external(b.Qualified) {
			continue
		}
		if c.fact.Exports == nil {
			c.fact.Exports = map[string]project.Ref{}
		}
		c.fact.Exports[b.Name] = project.ImportedRef(b.Qualified)
	}
}

// An alembic migration declares its place in the chain at module level,
// whatever directory holds it (dispatch's database/revisions/.../versions/);
// a Django migration is a class Migration(migrations.Migration); Alembic's
// environment (the env.py `alembic upgrade` runs) configures alembic's
// context.
var (
	alembicRevision     = regexp.MustCompile(`(?m)^revision\s*(:[^=\n]*)?=\s*["']`)
	alembicDownRevision = regexp.MustCompile(`(?m)^down_revision\s*(:[^=\n]*)?=`)
	djangoMigration     = regexp.MustCompile(`(?m)^class\s+Migration\s*\(\s*migrations\.Migration\s*\)`)
	alembicEnv          = regexp.MustCompile(`(?m)^from\s+alembic\s+import\s+(\(\s*)?([\w ]+,\s*)*context\b`)
)

// Database migrations are what scriptContent returns for them
// (Model.Role's migration rule).
const (
	alembicMigration = "an alembic migration"
	djangoMigrationS = "a Django migration"
	alembicEnvS      = "alembic's migration environment"
)

// scriptContent says what in src makes the file a one-off script: the cell
// markers of a notebook exported to .py (jupytext's `# %%`, nbconvert's
// `# In[1]:`), a locust load test or a database migration (an Alembic
// revision or environment, a Django migration).
func scriptContent(src []byte) string {
	if !scriptStrings.Any(src) {
		return "" // most files: one search instead of one per case
	}
	switch {
	case bytes.Contains(src, []byte("\n# In[")) || bytes.HasPrefix(src, []byte("# In[")) ||
		bytes.Contains(src, []byte("\n# %%")) || bytes.HasPrefix(src, []byte("# %%")):
		return "a notebook exported to .py"
	case bytes.Contains(src, []byte("from locust import")) || bytes.Contains(src, []byte("import locust")):
		return "a locust load test"
	case bytes.Contains(src, []byte("down_revision")) && alembicRevision.Match(src) && alembicDownRevision.Match(src):
		return alembicMigration
	case bytes.Contains(src, []byte("class Migration")) && djangoMigration.Match(src):
		return djangoMigrationS
	case bytes.Contains(src, []byte("alembic")) && alembicEnv.Match(src) && bytes.Contains(src, []byte("context.configure(")):
		return alembicEnvS
	}
	return ""
}

// scriptStrings holds a string each case of scriptContent needs.
var scriptStrings = pyanalysis.NewStrings("# In[", "# %%", "locust", "down_revision", "class Migration", "alembic")

// scriptKey is the key under which script shares scriptContent.
var scriptKey = new(int)

// script is scriptContent of the file of pass, computed once per file
// (Pass.Once): the role model and print-call's migration test both ask.
func script(pass *pyanalysis.Pass) string {
	s, _ := pass.Once(scriptKey, func() any { return scriptContent(pass.Src) }).(string)
	return s
}

// Markers for the prefilters of the rules that use the model: a file with
// an entry point of a service or a worker contains one of ServiceMarkers,
// unless ServiceMatch finds it ("_request" is in Flask's hooks:
// before_request, teardown_request, ...); a command-line program or a
// script one of CommandMarkers. A file with none of them is not read for
// the model: a helper module between an entry point and the code a rule
// reports, with no marker and nothing the rule looks for, breaks the chain
// (the code is then judged without that entry point).
var (
	ServiceMarkers = []string{
		"route", "Route", "_request", "teardown_appcontext", "Depends", "Security", "functions_framework", "lifespan",
		"startup", "middleware", "exception_handler", "errorhandler", "task", "subscribe", "actor", "Servicer", "websockets", "mcp", "aiohttp", "tornado", "View",
	}
	CommandMarkers = []string{"__main__", "argparse", "click", "typer", "fire", "docopt", "cyclopts", "# In[", "# %%", "locust"}
)

// routeDecorator finds `@app.get("/x")` on an app imported from elsewhere.
var routeDecorator = pyanalysis.DecoratorCalls(slices.Collect(maps.Keys(web.RouteDecorators))...)

// entryParams open the parameter lists web.ViewEntry recognises.
var entryParams = []string{"(request", "(event, context", "(data, context", "(cloud_event", "(cloudevent", "(environ, start_response"}

// ServiceMatch finds what ServiceMarkers cannot: a route decorator, or the
// parameters of a view or Cloud Function (web.ViewEntry) — the word
// "request" alone is in every file that uses the requests library.
func ServiceMatch(src []byte) bool {
	return routeDecorator(src) || pyanalysis.ContainsAnyWordEnd(src, entryParams...)
}
