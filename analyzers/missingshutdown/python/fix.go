package python

import (
	"slices"

	"strings"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
	"github.com/xynergy/xylint/internal/textedit"
)

// The fix (safe: it only runs the configured cleanup when the process
// stops) gives a FastAPI app created as `app = FastAPI(...)` — at module
// level or in a factory function — a shutdown handler right after that
// statement:
//
//	@app.on_event("shutdown")
//	async def shutdown() -> None:
//	    await close_http_client()
//	    close_gcp_clients()
//
// or, when the code base uses lifespans (some app of the run is created
// with `lifespan=` and none registers startup/shutdown event handlers) and
// the app has no startup hook (a lifespan replaces them), a lifespan
// defined before the statement and passed to the call:
//
//	@asynccontextmanager
//	async def lifespan(app):
//	    yield
//	    await close_http_client()
//	    close_gcp_clients()
//
//	app = FastAPI(..., lifespan=lifespan)
//
// The calls are the configured cleanup (option cleanup), each only when the
// app's module imports from that cleanup's module (after XY003's fix moved
// a client to a pool, the next round of fixes sees the pool imported). The
// imports are added (merged into an existing from-import of the module).
// No fix: an app whose module uses none of the cleanup modules (importing
// one there could fail, and there is nothing of theirs to close),
// Starlette apps (no event decorator; their lifespan is a constructor
// argument only), apps not assigned to a plain name in a statement of
// their own, and files where the handler's or a cleanup's name is taken.
type fixer struct {
	fp *filePass
	ed *pyedit.File
}

func (fp *filePass) fixer() *fixer {
	if fp.fx == nil {
		fp.fx = &fixer{fp: fp, ed: pyedit.New(fp.pass.File, fp.pass.Names)}
	}
	return fp.fx
}

// cleanupCall is one configured cleanup the module uses.
type cleanupCall struct {
	q     string // qualified name
	await bool
}

// cleanups are the configured cleanup calls whose module this file uses.
func (fx *fixer) cleanups() []cleanupCall {
	var out []cleanupCall
	for _, c := range fx.fp.opts.Cleanup {
		if fx.uses(c.Module) {
			out = append(out, cleanupCall{q: c.Module + "." + c.Name, await: c.Await})
		}
	}
	return out
}

// uses reports whether the file imports from mod. A module that only
// builds clients a pool module would hold (bigquery.Client) does not
// count: the import could fail where the pool module does not exist; once
// XY003's fix has moved the client to the pool (its import added), the
// next round of fixes finds the module used.
func (fx *fixer) uses(mod string) bool {
	for _, b := range fx.fp.pass.Names.Imports {
		if b.Qualified == mod || strings.HasPrefix(b.Qualified, mod+".") {
			return true
		}
	}
	return false
}

// fixes returns the two fixes of a FastAPI app created by call: the event
// handler and the lifespan (either may be nil).
func (fx *fixer) fixes(call syntax.Node, kind string) (event, lifespan *lint.Fix) {
	if kind != "FastAPI" {
		return nil, nil
	}
	assign := call.Parent()
	if !assign.Is(syntax.KindAssignment) || assign.ChildByField(syntax.FieldRight) != call || !assign.ChildByField(syntax.FieldType).IsZero() {
		return nil, nil
	}
	name := assign.ChildByField(syntax.FieldLeft)
	stmt := assign.Parent()
	if !name.Is(syntax.KindIdentifier) || !stmt.Is(syntax.KindExpressionStatement) || stmt.NamedChildCount() != 1 {
		return nil, nil
	}
	if p := stmt.Parent(); !p.Is(syntax.KindModule) && !p.Is(syntax.KindBlock) || !fx.ed.StartsLine(stmt) {
		return nil, nil
	}
	// Nothing else on the statement's last line but a comment.
	if rest := strings.TrimSpace(string(fx.ed.Src[stmt.End():textedit.LineEnd(fx.ed.Src, stmt.End())])); rest != "" && !strings.HasPrefix(rest, "#") {
		return nil, nil
	}
	cs := fx.cleanups()
	if len(cs) == 0 {
		return nil, nil
	}
	var imports pyedit.Edits
	var body []string
	for _, c := range cs {
		e, imp, ok := fx.ed.Ref(c.q, call)
		if !ok {
			return nil, nil
		}
		if imp != nil {
			imports.Add(fx.ed.AddImport(*imp)...)
		}
		line := e + "()"
		if c.await {
			line = "await " + line
		}
		body = append(body, line)
	}
	unit := textedit.IndentUnit(fx.ed.Src)
	module := stmt.Parent().Is(syntax.KindModule)
	event = fx.eventFix(stmt, string(name.Text()), body, unit, module, imports.List())
	lifespan = fx.lifespanFix(stmt, call, body, unit, module, imports.List())
	return event, lifespan
}

// blank is the separation between a new definition and its neighbours:
// two blank lines at module level, one in a function (PEP 8).
func blank(module bool) string {
	if module {
		return "\n\n"
	}
	return "\n"
}

func (fx *fixer) eventFix(stmt syntax.Node, app string, body []string, unit string, module bool, imports []lint.Edit) *lint.Fix {
	// One name per app, so that two apps of a module get two handlers.
	handler := "shutdown"
	if app != "app" && app != "application" {
		handler = "shutdown_" + strings.TrimLeft(app, "_")
	}
	if fx.ed.NameUsed(handler) {
		return nil
	}
	code := blank(module) + "@" + app + ".on_event(\"shutdown\")\nasync def " + handler + "() -> None:\n" + textedit.IndentLines(strings.Join(body, "\n")+"\n", unit)
	// As many blank lines after the handler as PEP 8 wants before the code
	// that follows, counting those already there.
	src := fx.ed.Src
	need := len(blank(module))
	for off := textedit.NextLineStart(src, stmt.End()); off < len(src) && need > 0; off = textedit.NextLineStart(src, off) {
		if strings.TrimSpace(string(src[off:textedit.LineEnd(src, off)])) != "" {
			code += strings.Repeat("\n", need)
			break
		}
		need--
	}
	var es pyedit.Edits
	es.Add(imports...)
	es.Add(fx.ed.InsertAfter(stmt, fx.ed.Indent(stmt), code))
	return &lint.Fix{Message: "Add a shutdown handler that closes the shared clients", Safety: lint.Safe, Edits: es.List()}
}

func (fx *fixer) lifespanFix(stmt, call syntax.Node, body []string, unit string, module bool, imports []lint.Edit) *lint.Fix {
	const name = "lifespan"
	if fx.ed.NameUsed(name) {
		return nil
	}
	args := call.ChildByField(syntax.FieldArguments)
	for a := range args.Children() {
		if a.Is(syntax.KindComment) {
			return nil
		}
	}
	acm, imp, ok := fx.ed.Ref("contextlib.asynccontextmanager", call)
	if !ok {
		return nil
	}
	if imp != nil && imp.Name == "" && !fx.ed.NameUsed("asynccontextmanager") {
		// `from contextlib import asynccontextmanager`, not `import contextlib`.
		acm, imp = "asynccontextmanager", &pyedit.Import{Module: "contextlib", Name: "asynccontextmanager"}
	}
	var es pyedit.Edits
	es.Add(imports...)
	if imp != nil {
		es.Add(fx.ed.AddImport(*imp)...)
	}
	code := "@" + acm + "\nasync def " + name + "(app):\n" + textedit.IndentLines("yield\n"+strings.Join(body, "\n")+"\n", unit) + blank(module)
	// Blank lines before the new definition, counting those already there.
	src := fx.ed.Src
	need := len(blank(module))
	for off := textedit.LineStart(src, stmt.Start()); off > 0 && need > 0; {
		off = textedit.LineStart(src, off-1)
		if strings.TrimSpace(string(src[off:textedit.LineEnd(src, off)])) != "" {
			code = strings.Repeat("\n", need) + code
			break
		}
		need--
	}
	es.Add(fx.ed.InsertBefore(stmt, code))
	es.Add(fx.ed.AddKeywordArgument(call, "lifespan="+name))
	return &lint.Fix{Message: "Pass a lifespan that closes the shared clients", Safety: lint.Safe, Edits: es.List()}
}

// lifespanUse reports whether the file creates an app with `lifespan=`,
// and whether it registers startup or shutdown handlers the older ways
// (on_event, add_event_handler, on_startup=, on_shutdown=).
func (fp *filePass) lifespanUse() (lifespan, events bool) {
	for _, n := range fp.pass.Nodes(syntax.KindCall) {
		fn := n.ChildByField(syntax.FieldFunction).Unparen()
		args := n.ChildByField(syntax.FieldArguments)
		if !args.Is(syntax.KindArgumentList) {
			continue
		}
		if fn.Is(syntax.KindAttribute) {
			if m := fn.ChildByField(syntax.FieldAttribute); slices.ContainsFunc(web.EventMethods, m.TextIs) {
				events = true
			}
		}
		for a := range args.NamedChildren() {
			if !a.Is(syntax.KindKeywordArgument) {
				continue
			}
			switch k := a.ChildByField(syntax.FieldName); {
			case k.TextIs(web.Lifespan):
				lifespan = lifespan || !a.ChildByField(syntax.FieldValue).Is(syntax.KindNone)
			case k.TextIs(web.OnStartup), k.TextIs(web.OnShutdown):
				events = true
			}
		}
	}
	return lifespan, events
}

// fixSite is an app creation whose fixes are made once the whole file has
// been read (the clients it builds may come after the app).
type fixSite struct {
	key  key
	i    int
	call syntax.Node
	kind string
}

// fillFixes makes the fixes of the creations recorded in fixSites.
func (fp *filePass) fillFixes() {
	for _, s := range fp.fixSites {
		c := &fp.created[s.key][s.i]
		c.Fix, c.LifespanFix = fp.fixer().fixes(s.call, s.kind)
	}
}
