package web_test

import (
	"testing"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/python/web"
)

func parse(t *testing.T, src string) (*syntax.File, *names.Resolver) {
	t.Helper()
	f, err := syntax.Parse("main.py", []byte(src))
	if err != nil || len(f.Errors) > 0 {
		t.Fatalf("parse: %v %v", err, f.Errors)
	}
	return f, names.Build(f, "main")
}

// TestDecoratorEntry: each kind of entry point a decorator makes, the
// route's method and path as written, and decorators that make none.
func TestDecoratorEntry(t *testing.T) {
	src := `import functions_framework
from unittest import mock
from fastapi import FastAPI

app = FastAPI()

@app.get("/items/{id}")
def a(): pass

@app.api_route("/m", methods=["post", "GET"])
def b(): pass

@app.websocket_route("/ws")
def c(): pass

@app.before_request
def d(): pass

@app.middleware("http")
def e(): pass

@app.exception_handler(ValueError)
def f(): pass

@app.on_event("startup")
def g(): pass

@functions_framework.http
def h(): pass

@app.on_event("shutdown")
def i(): pass

@mock.patch("x")
def j(): pass

@app.get(PATH)
def k(): pass
`
	f, r := parse(t, src)
	want := map[string]web.Entry{
		"a": {Kind: web.RouteHandler, Method: "GET", Path: "/items/{id}"},
		"b": {Kind: web.RouteHandler, Method: "POST", Path: "/m"},
		"c": {Kind: web.RouteHandler, Method: "WEBSOCKET", Path: "/ws"},
		"d": {Kind: web.RequestHook, Hook: "before_request"},
		"e": {Kind: web.MiddlewareFn},
		"f": {Kind: web.ErrorHandler},
		"g": {Kind: web.StartupHook},
		"h": {Kind: web.CloudFunction},
	}
	seen := 0
	for n := range f.Tree.All() {
		if !n.Is(syntax.KindDecoratedDefinition) {
			continue
		}
		def := n.ChildByField(syntax.FieldDefinition)
		name := string(def.ChildByField(syntax.FieldName).Text())
		dec := n.FirstNamedChild().FirstNamedChild().Unparen()
		got, ok := web.DecoratorEntry(r, dec)
		w, want := want[name]
		if ok != want || got != w {
			t.Errorf("%s: %+v, %v; want %+v, %v", name, got, ok, w, want)
		}
		seen++
	}
	if seen != 11 {
		t.Fatalf("%d decorated functions", seen)
	}
	if !web.StartupHook.Startup() || web.RouteHandler.Startup() || !web.LifespanFn.Startup() {
		t.Error("Startup: startup hooks and lifespans, not routes")
	}
}

func TestViewEntry(t *testing.T) {
	f, _ := parse(t, "def view(request): pass\ndef cf(event, context): pass\ndef ce(cloud_event): pass\ndef other(x): pass\n"+
		"def wsgi(environ, start_response): pass\ndef ocr(file_info: dict, context: dict): pass\ndef ce2(cloudevent): pass\ndef two(x, y): pass\n")
	got := map[string]web.EntryKind{}
	for n := range f.Tree.All() {
		if n.Is(syntax.KindFunctionDefinition) {
			if e, ok := web.ViewEntry(n, "svc/main.py"); ok {
				got[string(n.ChildByField(syntax.FieldName).Text())] = e.Kind
			}
			if e, ok := web.ViewEntry(n, "svc/tasks.py"); ok && e.Kind == web.CloudFunction {
				t.Errorf("a Cloud Function signature counts in main.py only")
			}
		}
	}
	if len(got) != 6 || got["view"] != web.RequestView || got["cf"] != web.CloudFunction || got["ce"] != web.CloudFunction ||
		got["wsgi"] != web.RequestView || got["ocr"] != web.CloudFunction || got["ce2"] != web.CloudFunction {
		t.Errorf("got %v", got)
	}
}

// TestRegistrations: the functions a call registers, in the order of the
// call's text, with the kind of entry each becomes.
func TestRegistrations(t *testing.T) {
	src := `from fastapi import Depends, FastAPI
from starlette.routing import Route

app = FastAPI(lifespan=life, on_startup=[warm, prime])
app.add_api_route("/a", endpoint_a)
app.add_url_rule("/b", "b", view_b)
app.add_event_handler("startup", boot)
app.add_event_handler("shutdown", close)
app.get("/c")(handler_c)
Route("/d", endpoint_d)
def f(x=Depends(dep), y=Depends(Checker())): pass
`
	f, r := parse(t, src)
	var got []string
	for n := range f.Tree.All() {
		if !n.Is(syntax.KindCall) {
			continue
		}
		for _, reg := range web.Registrations(r, n) {
			got = append(got, string(reg.Target.Text())+":"+kindName[reg.Kind])
		}
	}
	want := []string{"life:lifespan", "warm:startup", "prime:startup", "endpoint_a:route", "view_b:route", "boot:startup", "handler_c:route", "endpoint_d:route", "dep:dependency", "Checker():dependency"}
	if len(got) != len(want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("registration %d: %s, want %s", i, got[i], want[i])
		}
	}
}

var kindName = map[web.EntryKind]string{web.LifespanFn: "lifespan", web.StartupHook: "startup", web.RouteHandler: "route", web.Dependency: "dependency"}

func TestVocabulary(t *testing.T) {
	if k := web.Objects["fastapi.routing.APIRouter"]; k != web.FastAPIRouter || k.ASGIApp() || k.Framework() != "FastAPI" {
		t.Errorf("APIRouter: %v", k)
	}
	if k := web.Objects["starlette.applications.Starlette"]; !k.ASGIApp() || k.Framework() != "Starlette" {
		t.Errorf("Starlette: %v", k)
	}
	if k := web.Objects["flask.blueprints.Blueprint"]; !k.Flask() || k.ASGIApp() {
		t.Errorf("Blueprint: %v", k)
	}
	if !web.IsDepends("fastapi.params.Security") || web.IsDepends("fastapi_users.Depends") {
		t.Error("IsDepends: FastAPI's markers only")
	}
	if !web.IsScheme("fastapi.security.HTTPBearer") || web.IsScheme("fastapi.security.OAuth2PasswordRequestForm") {
		t.Error("IsScheme: schemes, not the login form")
	}
	if reg := web.RouteRegistrations["add_api_websocket_route"]; reg.Method != "WEBSOCKET" || !reg.Dependencies {
		t.Errorf("add_api_websocket_route: %+v", reg)
	}
}
