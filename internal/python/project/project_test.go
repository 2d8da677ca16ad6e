package project

import (
	"testing"

	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

func TestRef(t *testing.T) {
	q := ImportedRef("fastapi.security.HTTPBearer")
	for _, c := range []struct {
		r    Ref
		want string
		last string
	}{
		{q, "fastapi.security.HTTPBearer", "HTTPBearer"},
		{q.Called(), "fastapi.security.HTTPBearer()", "HTTPBearer"},
		{q.Called().Uncalled(), "fastapi.security.HTTPBearer", "HTTPBearer"},
		{LocalRef("settings").Attr("PREFIX"), ":settings.PREFIX", "PREFIX"},
		{LocalRef("get_settings").Called().Attr("PREFIX"), ":get_settings().PREFIX", "PREFIX"},
		{LocalRef("f").Called().Called(), ":f()()", "f()"},
		{LocalRef("f").Called().Called().Uncalled(), ":f()", "f"},
		{UnboundRef("Depends"), "?Depends", "Depends"},
		{ObjectRef(3), "%3", "3"},
		{ObjectRef(3).Attr("x"), "", ""},
		{Ref{}.Called(), "", ""},
	} {
		if got := c.r.String(); got != c.want {
			t.Errorf("%#v: %q, want %q", c.r, got, c.want)
		}
		if !c.r.IsZero() && c.r.Last() != c.last {
			t.Errorf("%s: Last %q, want %q", c.r, c.r.Last(), c.last)
		}
	}
}

func TestSplit(t *testing.T) {
	for _, c := range []struct {
		r            Ref
		parent, attr string
		ok           bool
	}{
		{LocalRef("settings").Attr("PREFIX"), ":settings", "PREFIX", true},
		{LocalRef("Settings").Called().Attr("PREFIX"), ":Settings()", "PREFIX", true},
		{ImportedRef("app.core.config.settings.API_V1_STR"), "app.core.config.settings", "API_V1_STR", true},
		{ImportedRef("app.make").Attr("X").Called(), "app.make", "X()", true},
		{LocalRef("settings"), "", "", false},
		{ObjectRef(1), "", "", false},
	} {
		parent, attr, ok := c.r.Split()
		if parent.String() != c.parent || attr != c.attr || ok != c.ok {
			t.Errorf("%s: %q, %q, %v; want %q, %q, %v", c.r, parent, attr, ok, c.parent, c.attr, c.ok)
		}
	}
}

var layout = []string{
	"platform/shared/__init__.py",
	"platform/shared/auth.py",
	"platform/marketing-engine/main.py",
	"platform/marketing-engine/routers/__init__.py",
	"platform/marketing-engine/routers/campaigns.py",
	"platform/analytics/main.py",
	"platform/analytics/shared/auth.py", // a service's own copy shadows the platform's
	"backend/app/__init__.py",
	"backend/app/main.py",
	"backend/app/api/__init__.py",
	"backend/app/api/deps.py",
	"backend/app/api/routes/__init__.py",
}

func TestDefs(t *testing.T) {
	x := modules.New(layout)
	d := NewDefs[string](x)
	d.Add("platform/shared/auth.py", "verify_api_key", false, "platform's")
	d.Add("platform/analytics/shared/auth.py", "verify_api_key", false, "analytics' copy")
	d.Add("backend/app/api/deps.py", "CurrentUser", false, "old")
	d.Add("backend/app/api/deps.py", "CurrentUser", false, "deps")
	d.Add("backend/app/api/routes/__init__.py", "router", false, "routes")
	d.Add("backend/app/main.py", "create_app", true, "the factory's app")
	for _, c := range []struct {
		from string
		r    Ref
		want string
		file string
	}{
		{"platform/marketing-engine/main.py", ImportedRef("shared.auth.verify_api_key"), "platform's", "platform/shared/auth.py"},
		{"platform/analytics/main.py", ImportedRef("shared.auth.verify_api_key"), "analytics' copy", "platform/analytics/shared/auth.py"},
		{"backend/app/main.py", ImportedRef("app.api.deps.CurrentUser"), "deps", "backend/app/api/deps.py"},
		{"backend/app/main.py", ImportedRef("app.api.routes.router"), "routes", "backend/app/api/routes/__init__.py"},
		{"backend/app/api/deps.py", ImportedRef("app.main.create_app").Called(), "the factory's app", "backend/app/main.py"},
		{"backend/app/api/deps.py", LocalRef("CurrentUser"), "deps", "backend/app/api/deps.py"},
		// A module, a name the module does not define, an attribute of a
		// name, an external name, a name another service's path ends with,
		// a name rather than what calling it returns, unbound names.
		{"backend/app/main.py", ImportedRef("app.api.deps"), "", ""},
		{"backend/app/main.py", ImportedRef("app.api.deps.SessionDep"), "", ""},
		{"backend/app/main.py", ImportedRef("app.api.deps.CurrentUser.id"), "", ""},
		{"backend/app/main.py", ImportedRef("fastapi.Depends"), "", ""},
		{"platform/analytics/main.py", ImportedRef("campaigns.router"), "", ""},
		{"backend/app/api/deps.py", ImportedRef("app.main.create_app"), "", ""},
		{"backend/app/api/deps.py", UnboundRef("CurrentUser"), "", ""},
	} {
		got, file, ok := d.Lookup(c.from, c.r)
		if got != c.want || file != c.file || ok != (c.file != "") {
			t.Errorf("Lookup(%s, %s) = %q, %q, %v; want %q, %q", c.from, c.r, got, file, ok, c.want, c.file)
		}
	}
	if _, _, ok := NewDefs[string](nil).Lookup("a.py", ImportedRef("b.c")); ok {
		t.Error("a table without an index resolved a name")
	}
}

func TestDefinitionRef(t *testing.T) {
	src := "import shared.auth as auth\nfrom app.cli import fail\n\n\ndef helper():\n    pass\n\n\nvalue = 1\n\n\ndef f(param):\n    local = 2\n    fail(); helper(); auth(); value(); param(); local(); print()\n"
	f, err := syntax.Parse("m.py", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := names.Build(f, "")
	got := map[string]Ref{}
	for n := range f.Root.Descendants() {
		if n.Is(syntax.KindCall) {
			fn := n.ChildByField(syntax.FieldFunction)
			got[string(fn.Text())] = DefinitionRef(r, fn)
		}
	}
	want := map[string]Ref{
		"fail":   ImportedRef("app.cli.fail"),
		"helper": LocalRef("helper"),
		"auth":   ImportedRef("shared.auth"),
		"value":  {}, // an assignment: not a definition
		"param":  {},
		"local":  {},
		"print":  {},
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %+v, want %+v", name, got[name], w)
		}
	}
}
