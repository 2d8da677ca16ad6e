package names

import (
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/internal/python/syntax"
)

func runtimeOf(t *testing.T, module, src string) ([]string, map[string]int) {
	t.Helper()
	f, err := syntax.Parse("pkg/m.py", []byte(src))
	if err != nil || len(f.Errors) > 0 {
		t.Fatalf("parse: %v %v", err, f.Errors)
	}
	rt := Build(f, module).Runtime(f.Tree)
	return rt.Imports, rt.Unbound
}

func TestRuntimeUnboundNames(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want string // unbound names, sorted, with counts
	}{
		// Everything bound: parameters, targets, imports, defs, builtins,
		// dunders, comprehensions, walrus, with/except targets, globals.
		{`import os
from typing import TYPE_CHECKING
import a.b as ab
x, (y, *z) = 1, (2, 3)
for i in range(3):
    pass
def f(p, q=1, *args, r: int = 2, **kw):
    global g
    g = p
    return [j for j in args if (k := j)] and k and x and y and z and i and os.sep and ab and __name__
class C(object, metaclass=type):
    attr = 1
    def m(self):
        return self.attr
with open(__file__) as fh:
    pass
try:
    pass
except ValueError as e:
    print(e, f(1, q=2), C().m())
lambda v, w=1: v + w
del x
`, ""},
		// The cases: a logger or an import bound only for type
		// checkers, a name never bound, a module-level use before the
		// binding.
		{`from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import logging
    logger = logging.getLogger(__name__)
def f():
    logger.info("x")
    logging.warning("y")
`, "logger=1 logging=1"},
		{`import typing
if typing.TYPE_CHECKING:
    from shared.gcp_clients import get_bigquery_client
def report():
    return get_bigquery_client()
`, "get_bigquery_client=1"},
		{`if False:
    import json
json.dumps({})
undefined_thing()
`, "json=1 undefined_thing=1"},
		{`logger.info("too early")
import logging
logger = logging.getLogger(__name__)
`, "logger=1"},
		// A runtime binding next to a type-only one counts.
		{`from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import logging
else:
    import logging
logging.info("x")
`, ""},
		// Bound on some paths only (issue 10): generative-ai's tools.py
		// binds `_log` only under an if, in a try whose except binds
		// nothing; a reference past the if is unbound when the flag is
		// off, one inside the branch is not.
		{`import os
if os.environ.get("FLAG") == "1":
    try:
        import logging as _log
        _log.info("on")
    except ImportError:
        pass
logger = _log.getLogger(__name__)
`, "_log=1"},
		{`import os
if os.environ.get("FLAG"):
    import logging as _log
def f():
    _log.warning("x")
`, "_log=1"},
		// The except clause binds something else: the try's body binds
		// json only when the import succeeds.
		{`try:
    import ujson as json
except ImportError:
    HAVE_JSON = False
json.dumps({})
`, "json=1"},
		// Both paths bind it: the legitimate fallback import, an if/else,
		// an except clause that raises, a finally clause, elif chains.
		{`try:
    import ujson as json
except ImportError:
    import json
try:
    from shared import log as _log
except ImportError:
    _log = None
import sys
if sys.platform == "win32":
    sep = "\\"
elif sys.platform == "darwin":
    sep = ":"
else:
    sep = "/"
try:
    import yaml
except ImportError:
    raise SystemExit("needs PyYAML")
try:
    pass
finally:
    done = True
print(json, _log, sep, yaml, done)
`, ""},
		// An elif with no else leaves a path that binds nothing; a match
		// has no catch-all here.
		{`import sys
if sys.argv:
    mode = 1
elif sys.path:
    mode = 2
match sys.argv:
    case []:
        kind = "none"
print(mode, kind)
`, "kind=1 mode=1"},
		// Match patterns are left alone.
		{`match command:
    case Point(x=0, y=yy):
        print(yy)
    case [first, *rest]:
        print(first, rest)
`, "command=1"},
	} {
		_, unbound := runtimeOf(t, "pkg.m", tc.src)
		var got []string
		for _, k := range slices.Sorted(maps.Keys(unbound)) {
			got = append(got, k+"="+itoa(unbound[k]))
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("unbound in\n%s\ngot  %q\nwant %q", tc.src, g, tc.want)
		}
	}
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestRuntimeImports(t *testing.T) {
	imports, _ := runtimeOf(t, "pkg.m", `import os, a.b as ab
from . import sibling
from ..up import x
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from shared.gcp_clients import get_bigquery_client
    import typing_only
def f():
    import json
    from shared.http_client import get_http_client
`)
	want := []string{"a.b", "json", "os", "pkg", "shared.http_client", "typing", "up"}
	if !slices.Equal(imports, want) {
		t.Errorf("imports %q, want %q", imports, want)
	}
}

// BenchmarkRuntime is what a file pass pays for lint.Runtime on a service
// module (pyanalysis' testdata/service.py): the full count, which only a
// file with a fix gets, against the imports alone, which every other
// parsed file gets.
func BenchmarkRuntime(b *testing.B) {
	src, err := os.ReadFile("../pyanalysis/testdata/service.py")
	if err != nil {
		b.Fatal(err)
	}
	f, err := syntax.Parse("service.py", src)
	if err != nil {
		b.Fatal(err)
	}
	r := Build(f, "svc.service")
	b.Run("full", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.Runtime(f.Tree)
		}
	})
	b.Run("imports", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r.RuntimeImports()
		}
	})
}
