package python

import (
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// A local callback server: a CLI that starts a small web app in-process on
// the loopback interface to receive what the browser sends back (prefect
// `cloud login`: the Cloud UI posts the API key to http://localhost:PORT).
// Its CORS origins must hold the origin of the page that calls it — a
// product URL the program knows, not one a deployment configures — so the
// configured origins expression (ALLOWED_ORIGINS, unset on every user's
// machine) would break the login. No such fix there: the wildcard is
// reported, and the right origin is the author's to write.

// servers are the calls that serve an app object in-process; host
// defaults to the loopback interface for all of them.
var servers = map[string]bool{"uvicorn.run": true, "uvicorn.Config": true}

// loopbackHosts are host arguments that bind the loopback interface only.
var loopbackHosts = map[string]bool{"127.0.0.1": true, "localhost": true, "::1": true}

// localServer reports whether the CORS setting at n belongs to an app
// that this file serves itself from inside a function (not a
// `__main__` block at module level: a service run by hand) on the
// loopback interface (servers, with no host or a loopbackHosts one).
func (fx *fixer) localServer(n syntax.Node) bool {
	app := appOf(n)
	if !app.Is(syntax.KindIdentifier) {
		return false
	}
	nm := fx.fp.pass.Names
	b := nm.Lookup(app)
	if b == nil {
		return false
	}
	for _, call := range fx.fp.pass.Nodes(syntax.KindCall) {
		fn := call.ChildByField(syntax.FieldFunction).Unparen()
		q, ok := nm.QualifiedName(fn)
		if !ok || !servers[q] || enclosingFunction(call) < 0 {
			continue
		}
		args := call.ChildByField(syntax.FieldArguments)
		served := args.Argument(0, "app").Unparen()
		if !served.Is(syntax.KindIdentifier) || nm.Lookup(served) != b || b.Kind == names.Parameter {
			continue
		}
		host := args.KeywordArg("host")
		if host.IsZero() {
			return true
		}
		if s, ok := host.Unparen().StringLiteral(); ok && loopbackHosts[s] {
			return true
		}
	}
	return false
}

// appOf returns the app expression the CORS setting at n is for: the
// receiver of `app.add_middleware(CORSMiddleware, ...)`, the first
// argument of `CORSMiddleware(app, ...)` or flask-cors `CORS(app, ...)`,
// or the name assigned `FastAPI(middleware=[Middleware(CORSMiddleware,
// ...)])`; the zero Node when there is none.
func appOf(n syntax.Node) syntax.Node {
	for p := n; !p.IsZero(); p = p.Parent() {
		switch {
		case p.Is(syntax.KindFunctionDefinition), p.Is(syntax.KindClassDefinition), p.Is(syntax.KindModule):
			return syntax.Node{}
		case p.Is(syntax.KindAssignment):
			return p.ChildByField(syntax.FieldLeft).Unparen()
		case !p.Is(syntax.KindCall):
			continue
		}
		fn := p.ChildByField(syntax.FieldFunction).Unparen()
		last := fn
		if fn.Is(syntax.KindAttribute) {
			last = fn.ChildByField(syntax.FieldAttribute)
		}
		switch {
		case last.TextIs("add_middleware") && fn.Is(syntax.KindAttribute):
			return fn.ChildByField(syntax.FieldObject).Unparen()
		case last.TextIs("CORSMiddleware"), last.TextIs("CORS"):
			return p.ChildByField(syntax.FieldArguments).Argument(0, "app").Unparen()
		}
		// Middleware(CORSMiddleware, ...) inside FastAPI(middleware=[...]):
		// go on to the assignment.
	}
	return syntax.Node{}
}
