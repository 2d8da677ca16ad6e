package names_test

import (
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// qualifiedAt resolves the expression that starts at the marker "«" and ends
// at "»" in src (markers removed before parsing).
func qualifiedAt(t *testing.T, path, module, src string) (string, bool) {
	t.Helper()
	start := strings.Index(src, "«")
	end := strings.Index(src, "»") - len("«")
	src = strings.Replace(strings.Replace(src, "«", "", 1), "»", "", 1)
	f, err := syntax.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Errors) > 0 {
		t.Fatalf("syntax error in test source: %v", f.Errors[0])
	}
	r := names.Build(f, module)
	var expr syntax.Node
	for n := range f.Tree.All() {
		if n.Start() == start && n.End() == end && (n.Is(syntax.KindIdentifier) || n.Is(syntax.KindAttribute)) {
			expr = n // the outermost such node comes first; keep the last (innermost) only if no attribute
			break
		}
	}
	if expr.IsZero() {
		t.Fatalf("no expression at %d:%d in %q", start, end, src)
	}
	return r.QualifiedName(expr)
}

func TestQualifiedName(t *testing.T) {
	for _, c := range []struct {
		name, path, module, src, want string
	}{
		{"builtin", "a.py", "", "«print»('x')\n", "builtins.print"},
		{"builtin exception", "a.py", "", "try:\n    pass\nexcept «Exception»:\n    pass\n", "builtins.Exception"},
		{"builtins module", "a.py", "", "import builtins\n«builtins.print»('x')\n", "builtins.print"},
		{"import", "a.py", "", "import pprint\n«pprint.pprint»(1)\n", "pprint.pprint"},
		{"import dotted", "a.py", "", "import google.cloud.bigquery\n«google.cloud.bigquery.Client»()\n", "google.cloud.bigquery.Client"},
		{"import as", "a.py", "", "import google.cloud.bigquery as bq\n«bq.Client»()\n", "google.cloud.bigquery.Client"},
		{"from import", "a.py", "", "from google.cloud import bigquery\n«bigquery.Client»()\n", "google.cloud.bigquery.Client"},
		{"from import as", "a.py", "", "from pprint import pprint as pp\n«pp»(1)\n", "pprint.pprint"},
		{"logging", "a.py", "", "import logging\nlog = «logging.getLogger»(__name__)\n", "logging.getLogger"},
		{"relative unknown module", "a.py", "", "from . import util\n«util.f»()\n", ".util.f"},
		{"relative from sub unknown", "a.py", "", "from ..core.auth import verify\n«verify»()\n", "..core.auth.verify"},
		{"relative known", "app/api/routes.py", "app.api.routes", "from .deps import get_db\n«get_db»()\n", "app.api.deps.get_db"},
		{"relative parent known", "app/api/routes.py", "app.api.routes", "from ..core import auth\n«auth.verify»()\n", "app.core.auth.verify"},
		{"relative in package init", "app/api/__init__.py", "app.api", "from . import routes\n«routes.router»\n", "app.api.routes.router"},
		{"module-level def", "app/main.py", "app.main", "def handler():\n    pass\n«handler»()\n", "app.main.handler"},
		{"alias assignment", "a.py", "", "import pprint\nshow = pprint.pprint\n«show»(1)\n", "pprint.pprint"},
		{"import inside function", "a.py", "", "def f():\n    import pprint as p\n    «p.pprint»(1)\n", "pprint.pprint"},
		{"global import from function", "a.py", "", "import pprint\ndef f():\n    «pprint.pp»(1)\n", "pprint.pp"},
		{"module print before rebinding", "a.py", "", "«print»('x')\nprint = len\n", "builtins.print"},
		{"class scope invisible to method", "a.py", "", "class C:\n    print = len\n    def m(self):\n        «print»(1)\n", "builtins.print"},
		{"parameter default in enclosing scope", "a.py", "", "def f(x=«print»):\n    print = 1\n", "builtins.print"},
		{"decorator in enclosing scope", "a.py", "", "import functools\n@«functools.cache»\ndef print():\n    pass\n", "functools.cache"},
	} {
		got, ok := qualifiedAt(t, c.path, c.module, c.src)
		if !ok || got != c.want {
			t.Errorf("%s: QualifiedName = %q, %v; want %q", c.name, got, ok, c.want)
		}
	}
}

func TestShadowed(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"def", "def print(): pass\n«print»('x')\n"},
		{"class", "class Exception: pass\n«Exception»\n"},
		{"parameter", "def f(print):\n    «print»('x')\n"},
		{"default parameter", "def f(print=None):\n    «print»('x')\n"},
		{"typed parameter", "def f(print: object):\n    «print»('x')\n"},
		{"star parameter", "def f(*print):\n    «print»('x')\n"},
		{"kwargs parameter", "def f(**print):\n    «print»('x')\n"},
		{"lambda parameter", "g = lambda print: «print»('x')\n"},
		{"local assignment", "def f():\n    print = len\n    «print»('x')\n"},
		{"local bound later", "def f():\n    «print»('x')\n    print = len\n"},
		{"tuple target", "def f():\n    print, y = len, 1\n    «print»('x')\n"},
		{"for target", "for print in []:\n    «print»('x')\n"},
		{"with target", "with open('f') as print:\n    «print»('x')\n"},
		{"except target", "try:\n    pass\nexcept OSError as print:\n    «print»('x')\n"},
		{"walrus", "if (print := len):\n    «print»('x')\n"},
		{"comprehension", "y = [«print» for print in range(3)]\n"},
		{"import", "from rich import print\n«print»('x')\n"},
		{"global", "def f():\n    global print\n    print = len\n«print»('x')\n"},
		{"nonlocal", "def outer():\n    print = len\n    def inner():\n        nonlocal print\n        «print»('x')\n"},
		{"enclosing function", "def outer():\n    print = len\n    def inner():\n        «print»('x')\n"},
		{"augmented", "def f():\n    print += 1\n    «print»('x')\n"},
	} {
		if got, ok := qualifiedAt(t, "a.py", "", c.src); ok && got == "builtins.print" || got == "builtins.Exception" {
			t.Errorf("%s: QualifiedName = %q, want shadowed", c.name, got)
		}
	}
}

func TestLookupValue(t *testing.T) {
	src := "import logging\nlogger = logging.getLogger(__name__)\nlogger.info('x')\n"
	f, _ := syntax.Parse("a.py", []byte(src))
	r := names.Build(f, "")
	var use syntax.Node
	for n := range f.Tree.All() {
		if n.Is(syntax.KindIdentifier) && n.TextIs("logger") {
			use = n
		}
	}
	b := r.Lookup(use)
	if b == nil || b.Kind != names.Assignment || !r.Refers(b.Value.ChildByField(syntax.FieldFunction), "logging.getLogger") {
		t.Fatalf("binding = %+v", b)
	}
	if !r.ImportsModule("logging") || r.ImportsModule("log") {
		t.Error("ImportsModule is wrong")
	}
}
