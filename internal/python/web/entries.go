package web

import (
	"bytes"
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// Entry points: the functions a framework calls by itself, per request or
// at startup, found by their decorator (DecoratorEntry), their signature
// (ViewEntry) or a call that registers them (Registrations).

// EntryKind says what calls an entry point, and when.
type EntryKind uint8

const (
	RouteHandler  EntryKind = iota + 1 // a route's handler (decorator or registration)
	RequestHook                        // a Flask per-request hook (RequestHooks)
	MiddlewareFn                       // FastAPI function middleware
	ErrorHandler                       // an exception handler
	StartupHook                        // on_event("startup"), before_first_request, on_startup=[...], add_event_handler("startup", f)
	LifespanFn                         // lifespan=
	Dependency                         // Depends(f) / Security(f): called per request of the route
	CloudFunction                      // a Cloud Functions entry point (decorator or signature)
	RequestView                        // a module-level function whose first parameter is request
)

// Startup reports whether entries of kind k run at startup rather than per
// request.
func (k EntryKind) Startup() bool { return k == StartupHook || k == LifespanFn }

// An Entry is what makes a function an entry point.
type Entry struct {
	Kind EntryKind
	// Method and Path are a RouteHandler's, as its decorator says them
	// (Path as written in the literal, escapes kept).
	Method, Path string
	// Hook is a RequestHook's hook (before_request, ...).
	Hook string
}

// DecoratorEntry says whether decorator expression d (a decorator's
// expression, unparenthesised) makes its function an entry point:
// @app.get("/x") and the other RouteDecorators with a literal path, Flask's
// RequestHooks and before_first_request, @app.middleware(...),
// @app.exception_handler(...), @app.on_event("startup"), and
// functions_framework's decorators. Decorators on a `mock` are not routes.
func DecoratorEntry(r *names.Resolver, d syntax.Node) (Entry, bool) {
	if d.Is(syntax.KindCall) {
		fn := d.ChildByField(syntax.FieldFunction).Unparen()
		args := d.ChildByField(syntax.FieldArguments)
		if isFunctionsFramework(r, fn) {
			return Entry{Kind: CloudFunction}, true
		}
		if !fn.Is(syntax.KindAttribute) || isMockObject(r, fn.ChildByField(syntax.FieldObject)) {
			return Entry{}, false
		}
		m := string(fn.ChildByField(syntax.FieldAttribute).Text())
		switch {
		case m == Middleware:
			return Entry{Kind: MiddlewareFn}, true
		case slices.Contains(ErrorHandlers, m):
			return Entry{Kind: ErrorHandler}, true
		case m == "on_event":
			if first := firstArg(args); isString(first) && bytes.Contains(first.Text(), []byte(Startup)) {
				return Entry{Kind: StartupHook}, true
			}
			return Entry{}, false
		case m == BeforeFirstRequest:
			return Entry{Kind: StartupHook}, true
		}
		verb, ok := RouteDecorators[m]
		if !ok {
			return Entry{}, false
		}
		p := firstArg(args)
		if p.IsZero() {
			p = keywordArg(args, "path")
			if p.IsZero() {
				p = keywordArg(args, "rule")
			}
		}
		if !isString(p) {
			return Entry{}, false
		}
		if verb == "" {
			verb = firstMethod(keywordArg(args, "methods"))
		}
		return Entry{Kind: RouteHandler, Method: verb, Path: stringValue(p)}, true
	}
	if d.Is(syntax.KindAttribute) {
		if isFunctionsFramework(r, d) {
			return Entry{Kind: CloudFunction}, true
		}
		m := string(d.ChildByField(syntax.FieldAttribute).Text())
		if _, ok := RequestHooks[m]; ok {
			return Entry{Kind: RequestHook, Hook: m}, true
		}
		if m == BeforeFirstRequest {
			return Entry{Kind: StartupHook}, true
		}
	}
	return Entry{}, false
}

// ViewEntry says whether a module-level function def of the file at
// filePath is one a framework calls per request without a decorator in
// sight: a view or Cloud Function whose first parameter is `request`
// (Cloud Functions, Django and Starlette views) or a WSGI application
// (environ, start_response: App Engine's bundled-services samples serve
// such functions), or, in a main.py, a background Cloud Function (event,
// context), (data, context) or any (x, context) — the deployed entry
// point's second parameter is the event's context — or a CloudEvent
// function (cloud_event, cloudevent).
func ViewEntry(def syntax.Node, filePath string) (Entry, bool) {
	ps := def.ChildByField(syntax.FieldParameters)
	var params []string
	for p := range ps.NamedChildren() {
		id := p
		if !id.Is(syntax.KindIdentifier) {
			id = p.ChildByField(syntax.FieldName)
			if id.IsZero() {
				id = p.FirstNamedChild()
			}
		}
		params = append(params, string(id.Text()))
	}
	if len(params) == 0 {
		return Entry{}, false
	}
	if params[0] == "request" || len(params) == 2 && params[0] == "environ" && params[1] == "start_response" {
		return Entry{Kind: RequestView}, true
	}
	if path.Base(filePath) == "main.py" && (len(params) == 2 && params[1] == "context" ||
		len(params) == 1 && (params[0] == "cloud_event" || params[0] == "cloudevent")) {
		return Entry{Kind: CloudFunction}, true
	}
	return Entry{}, false
}

// A Registered is a function a call registers as an entry point by
// reference: Target is the expression that names it (as written: Depends(
// Checker()) registers the instance Checker() is).
type Registered struct {
	Target syntax.Node
	Kind   EntryKind
}

// Registrations returns, in the order of the call's text, the functions
// call registers: lifespan=x and on_startup=[...] on any call (FastAPI,
// Starlette, APIRouter), router.get("/p")(handler), the RouteRegistrations,
// add_event_handler("startup", f), Depends(f)/Security(f) and
// Route("/p", endpoint).
func Registrations(r *names.Resolver, call syntax.Node) []Registered {
	fn := call.ChildByField(syntax.FieldFunction).Unparen()
	args := call.ChildByField(syntax.FieldArguments)
	var out []Registered
	add := func(t syntax.Node, k EntryKind) { out = append(out, Registered{Target: t, Kind: k}) }
	for a := range args.NamedChildren() {
		if !a.Is(syntax.KindKeywordArgument) {
			continue
		}
		name := a.ChildByField(syntax.FieldName)
		v := a.ChildByField(syntax.FieldValue).Unparen()
		switch {
		case name.TextIs(Lifespan):
			add(v, LifespanFn)
		case name.TextIs(OnStartup) && (v.Is(syntax.KindList) || v.Is(syntax.KindTuple)):
			for f := range v.NamedChildren() {
				add(f, StartupHook)
			}
		}
	}
	switch {
	case fn.Is(syntax.KindCall):
		// router.get("/p")(handler)
		inner := fn.ChildByField(syntax.FieldFunction).Unparen()
		if inner.Is(syntax.KindAttribute) {
			if _, ok := RouteDecorators[string(inner.ChildByField(syntax.FieldAttribute).Text())]; ok && isString(firstArg(fn.ChildByField(syntax.FieldArguments))) {
				add(firstArg(args), RouteHandler)
			}
		}
	case fn.Is(syntax.KindAttribute):
		m := fn.ChildByField(syntax.FieldAttribute).Text() // looked up without a copy
		if reg, ok := RouteRegistrations[string(m)]; ok {
			if t := argAt(args, reg.Arg, reg.Keyword); !t.IsZero() {
				add(t, RouteHandler)
			}
		} else if string(m) == "add_event_handler" {
			if first := firstArg(args); isString(first) && bytes.Contains(first.Text(), []byte(Startup)) {
				add(argAt(args, 1, "func"), StartupHook)
			}
		}
	}
	if !fn.Is(syntax.KindIdentifier) && !fn.Is(syntax.KindAttribute) {
		return out
	}
	last := fn
	if fn.Is(syntax.KindAttribute) {
		last = fn.ChildByField(syntax.FieldAttribute)
	}
	switch {
	case last.TextIs("Depends") || last.TextIs("Security"):
		if r.Refers(fn, DependsMarkers...) {
			if t := argAt(args, 0, "dependency"); !t.IsZero() {
				add(t, Dependency)
			}
		}
	case slices.Contains(RouteClasses, string(last.Text())):
		if q, ok := r.QualifiedName(fn); ok && (strings.HasPrefix(q, "starlette.") || strings.HasPrefix(q, "fastapi.")) {
			if t := argAt(args, 1, "endpoint"); !t.IsZero() {
				add(t, RouteHandler)
			}
		}
	}
	return out
}

func firstArg(args syntax.Node) syntax.Node { return argAt(args, 0, "") }

// argAt is the i-th positional argument, or the keyword argument kw,
// whichever comes first in the text; unpacked arguments do not count.
func argAt(args syntax.Node, i int, kw string) syntax.Node {
	k := 0
	for a := range args.NamedChildren() {
		switch {
		case a.Is(syntax.KindKeywordArgument):
			if kw != "" && a.ChildByField(syntax.FieldName).TextIs(kw) {
				return a.ChildByField(syntax.FieldValue)
			}
		case a.Is(syntax.KindListSplat) || a.Is(syntax.KindDictionarySplat):
		default:
			if k == i {
				return a
			}
			k++
		}
	}
	return syntax.Node{}
}

func keywordArg(args syntax.Node, kw string) syntax.Node {
	for a := range args.NamedChildren() {
		if a.Is(syntax.KindKeywordArgument) && a.ChildByField(syntax.FieldName).TextIs(kw) {
			return a.ChildByField(syntax.FieldValue)
		}
	}
	return syntax.Node{}
}

func isString(n syntax.Node) bool {
	n = n.Unparen()
	return n.Is(syntax.KindString) || n.Is(syntax.KindConcatenatedString)
}

// stringValue is a string literal's text without prefix and quotes (for
// messages; escapes are kept as written).
func stringValue(n syntax.Node) string {
	s := string(n.Unparen().Text())
	s = strings.TrimLeft(s, "rbfuRBFU")
	for _, q := range []string{`"""`, `'''`, `"`, `'`} {
		if len(s) >= 2*len(q) && strings.HasPrefix(s, q) && strings.HasSuffix(s, q) {
			return s[len(q) : len(s)-len(q)]
		}
	}
	return s
}

// firstMethod is the first string of a `methods=[...]` list, or GET.
func firstMethod(list syntax.Node) string {
	list = list.Unparen()
	if list.Is(syntax.KindList) || list.Is(syntax.KindTuple) {
		for c := range list.NamedChildren() {
			if isString(c) {
				return strings.ToUpper(stringValue(c))
			}
		}
	}
	return "GET"
}
