package modules

import (
	"strings"
	"testing"
)

// platform is the shape of the sample platform: services that are roots of
// their own next to a shared package, a package with relative imports, a
// src layout and a full-stack-fastapi-template style backend.
var platform = []string{
	"platform/shared/__init__.py",
	"platform/shared/auth.py",
	"platform/marketing-engine/main.py",
	"platform/marketing-engine/routers/__init__.py",
	"platform/marketing-engine/routers/campaigns.py",
	"platform/analytics/main.py",
	"platform/analytics/dependencies.py",
	"platform/analytics/nspkg/helpers.py", // namespace package: no __init__.py
	"platform/analytics/shared/auth.py",   // a service's own copy shadows the platform's
	"lib/src/toolkit/__init__.py",
	"lib/src/toolkit/core.py",
	"lib/tests/test_core.py",
	"backend/app/__init__.py",
	"backend/app/api/__init__.py",
	"backend/app/api/deps.py",
	"backend/app/api/routes/__init__.py",
	"backend/app/api/routes/items.py",
	"backend/app/main.py",
	"scripts/my-tool.py",
	"./top.py",
	"README.md",
}

func TestModule(t *testing.T) {
	x := New(platform)
	for _, c := range []struct{ path, module, root string }{
		{"platform/shared/auth.py", "shared.auth", "platform"},
		{"platform/shared/__init__.py", "shared", "platform"},
		{"platform/marketing-engine/main.py", "main", "platform/marketing-engine"},
		{"platform/marketing-engine/routers/__init__.py", "routers", "platform/marketing-engine"},
		{"platform/marketing-engine/routers/campaigns.py", "routers.campaigns", "platform/marketing-engine"},
		{"platform/analytics/nspkg/helpers.py", "helpers", "platform/analytics/nspkg"},
		{"lib/src/toolkit/core.py", "toolkit.core", "lib/src"},
		{"backend/app/api/routes/items.py", "app.api.routes.items", "backend"},
		{"backend/app/main.py", "app.main", "backend"},
		{"scripts/my-tool.py", "", "scripts"},
		{"top.py", "top", "."},
		{"README.md", "", "."},
	} {
		if got := x.Module(c.path); got != c.module {
			t.Errorf("Module(%s) = %q, want %q", c.path, got, c.module)
		}
		if got := x.Root(c.path); got != c.root {
			t.Errorf("Root(%s) = %q, want %q", c.path, got, c.root)
		}
	}
}

func TestResolve(t *testing.T) {
	x := New(platform)
	for _, c := range []struct{ from, module, want string }{
		// A service imports its own package and the platform's shared one.
		{"platform/marketing-engine/main.py", "routers.campaigns", "platform/marketing-engine/routers/campaigns.py"},
		{"platform/marketing-engine/main.py", "routers", "platform/marketing-engine/routers/__init__.py"},
		{"platform/marketing-engine/main.py", "shared.auth", "platform/shared/auth.py"},
		{"platform/marketing-engine/routers/campaigns.py", "shared.auth", "platform/shared/auth.py"},
		// The service's own copy comes first on its sys.path.
		{"platform/analytics/main.py", "shared.auth", "platform/analytics/shared/auth.py"},
		{"platform/analytics/main.py", "dependencies", "platform/analytics/dependencies.py"},
		{"platform/analytics/main.py", "nspkg.helpers", "platform/analytics/nspkg/helpers.py"},
		// Another service's modules are not on this one's path.
		{"platform/analytics/main.py", "routers.campaigns", ""},
		// src layout, seen from the tests beside it.
		{"lib/tests/test_core.py", "toolkit.core", "lib/src/toolkit/core.py"},
		{"backend/app/main.py", "app.api.deps", "backend/app/api/deps.py"},
		{"backend/app/api/routes/items.py", "app.api.deps", "backend/app/api/deps.py"},
		{"backend/app/main.py", "fastapi", ""},
		{"backend/app/main.py", ".deps", ""},
	} {
		got, ok := x.Resolve(c.from, c.module)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Resolve(%s, %s) = %q, %v; want %q", c.from, c.module, got, ok, c.want)
		}
	}
}

func TestSplit(t *testing.T) {
	x := New(platform)
	for _, c := range []struct{ from, q, file, rest string }{
		{"platform/marketing-engine/main.py", "routers.campaigns.router", "platform/marketing-engine/routers/campaigns.py", "router"},
		{"platform/marketing-engine/main.py", "routers.api_router", "platform/marketing-engine/routers/__init__.py", "api_router"},
		{"platform/marketing-engine/main.py", "shared.auth", "platform/shared/auth.py", ""},
		{"backend/app/api/routes/items.py", "app.api.deps.CurrentUser", "backend/app/api/deps.py", "CurrentUser"},
		{"backend/app/api/routes/items.py", "fastapi.Depends", "", ""},
		// Attributes named as files elsewhere ("main", "routers") or as no
		// file ("Router"): the module is still the longest prefix that is one.
		{"platform/marketing-engine/main.py", "shared.auth.main", "platform/shared/auth.py", "main"},
		{"platform/marketing-engine/main.py", "routers.campaigns.Router.routers", "platform/marketing-engine/routers/campaigns.py", "Router.routers"},
		{"platform/marketing-engine/main.py", "Router.campaigns", "", ""},
	} {
		file, rest, ok := x.Split(c.from, c.q)
		if file != c.file || rest != c.rest || ok != (c.file != "") {
			t.Errorf("Split(%s, %s) = %q, %q, %v; want %q, %q", c.from, c.q, file, rest, ok, c.file, c.rest)
		}
	}
	var nilIndex *Index
	if _, _, ok := nilIndex.Split("a.py", "a.b"); ok {
		t.Error("a nil index resolved a name")
	}
}

func TestImportable(t *testing.T) {
	x := New([]string{
		"shared/__init__.py", "shared/auth.py",
		"ns/pkg/mod.py", // namespace packages ns and ns.pkg
		"svc/main.py", "svc/routers/items.py",
		"other/app/main.py",
	})
	for _, tc := range []struct {
		from, module string
		want         bool
	}{
		{"svc/main.py", "shared.auth", true},
		{"svc/main.py", "shared", true},
		{"svc/main.py", "shared.http_client", false},
		{"svc/main.py", "ns.pkg", true},
		{"svc/main.py", "ns.pkg.mod", true},
		{"svc/main.py", "ns.other", false},
		{"svc/main.py", "routers.items", true},
		{"svc/main.py", "routers", true},
		{"other/app/main.py", "routers", false},
		{"svc/main.py", "fastapi", false},
		{"svc/main.py", ".relative", false},
	} {
		if got := x.Importable(tc.from, tc.module); got != tc.want {
			t.Errorf("Importable(%q, %q) = %v, want %v", tc.from, tc.module, got, tc.want)
		}
	}
	if !IsStdlib("logging") || !IsStdlib("logging.handlers") || IsStdlib("shared") {
		t.Error("IsStdlib")
	}
}

func TestEnvironment(t *testing.T) {
	env := NewEnvironment(New([]string{"svc/main.py", "svc/pools.py"}))
	env.Imported([]string{"google.cloud.storage", ".relative"})
	for _, tc := range []struct {
		module   string
		declared []string
		ok       bool
	}{
		{"logging", nil, true},              // standard library
		{"pools", nil, true},                // a module of the run
		{"google.cloud.storage", nil, true}, // imported by the run
		{"google.cloud", nil, true},         // a package above one
		{"google.cloud.bigquery", nil, false},
		{"google.api_core.exceptions", nil, true}, // comes with google-cloud-*
		{"shared.http_client", nil, false},
		{"shared.http_client", []string{"shared"}, true},
		{"sharedx", []string{"shared"}, false},
		{".sibling", nil, true},
	} {
		err := env.Importable("svc/main.py", tc.module, tc.declared)
		if (err == nil) != tc.ok {
			t.Errorf("Importable(%q, %q) = %v, want ok %v", tc.module, tc.declared, err, tc.ok)
		}
		if err != nil && !strings.Contains(err.Error(), "importable-modules in [tool.xylint]") {
			t.Errorf("%s: the error does not say which setting allows it: %v", tc.module, err)
		}
	}
}
