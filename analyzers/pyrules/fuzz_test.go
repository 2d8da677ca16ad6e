package pyrules_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/pyrules"
	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/modules"
	"github.com/xynergy/xylint/internal/python/pyanalysis"
	"github.com/xynergy/xylint/internal/python/pyanalysistest"
	"github.com/xynergy/xylint/internal/python/pyedit"
)

// fuzzPath is the name the fuzzed file is analysed under: a service's
// main module, which no rule excludes (test files are excluded by default).
const fuzzPath = "main.py"

// fixAll is `xylint fix --unsafe-fixes` on one file with the default
// configuration: every Python rule, the file a project of its own (the
// project phases of XY001/XY002/XY003/XY006 run every round, as the
// driver's re-analysis does), analysed by the same function as the golden
// tests (pyanalysistest.AnalyzeAlone).
func fixAll(src []byte) ([]byte, *fix.Report, error) {
	cfg := pyanalysis.Config{Analyzers: pyrules.All}
	analyze := func(b []byte) (fix.Analysis, error) {
		return pyanalysistest.AnalyzeAlone(fuzzPath, b, cfg)
	}
	return fix.FixFile(fuzzPath, src, analyze, fix.Options{Unsafe: true, SyntaxErrors: pyedit.SyntaxErrors,
		Runtime: pyedit.Runtime, Importable: fuzzImportable(pyedit.Runtime(src))})
}

// fuzzImportable is the fuzzed file's environment: the standard library,
// what the input imports (and the packages above it), and the platform's
// shared package, declared importable as a platform's configuration would
// (importable-modules = ["shared"]). Anything else a fix imports must be
// withheld.
func fuzzImportable(in *lint.Runtime) func(string) error {
	return func(m string) error {
		if modules.IsStdlib(m) || m == "shared" || strings.HasPrefix(m, "shared.") {
			return nil
		}
		if in != nil {
			for _, have := range in.Imports {
				if have == m || strings.HasPrefix(have, m+".") {
					return nil
				}
			}
		}
		return fmt.Errorf("%s is not importable here", m)
	}
}

// FuzzFix runs the engine with every Python rule's fix, unsafe ones
// included, over arbitrary input. Properties:
//
//   - no rule panics (pyanalysis turns a rule's panic into an analysis
//     error, so any error fails: on a file that is not skipped only a rule
//     can produce one);
//   - an input with syntax errors is left as it is, and a result has no
//     syntax error (tree-sitter ERROR or MISSING node);
//   - the fixes converge, and fixing the result again changes nothing;
//   - with python3 (see compileWorker): when CPython compiles the input it
//     compiles the result, and no fix failed on it;
//   - the result runs wherever the input runs, as far as names and imports
//     go (what py_compile cannot see): it uses no name that nothing binds at
//     run time (names.Resolver.Runtime, computed here on its own, not taken
//     from the engine) that the input did not already use, and every module
//     it imports that the input did not is one the file's environment
//     provides (fuzzImportable).
//
// The seeds are the rules' test files (analyzers/*/testdata/python), files
// that mix the rules (mixedSeeds) with CRLF and tab variants, and in
// testdata/fuzz/FuzzFix the inputs that found bugs.
//
// A fix may fail on input that tree-sitter accepts but Python does not
// (877e0e878866d47f: `import A A% ` followed by `print()` parses as
// `import A` and `A % print()`, and an import inserted between them breaks
// the parse): the engine then keeps the input, which is what is checked
// here. On valid Python a failed fix is a bug.
func FuzzFix(f *testing.F) {
	for _, s := range ruleTestFiles(f) {
		f.Add(s)
	}
	for _, s := range append(mixedSeeds, edgeSeeds...) {
		f.Add([]byte(s))
		f.Add(crlf([]byte(s)))
		f.Add(tabs([]byte(s)))
		f.Add(crlf(tabs([]byte(s))))
	}
	py := newCompileWorker(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		checkFix(t, py, src)
	})
}

// checkFix checks FuzzFix's properties on src and returns the fixed
// content.
func checkFix(t *testing.T, py *compileWorker, src []byte) []byte {
	t.Helper()
	out, rep, err := fixAll(src)
	if err != nil {
		t.Fatalf("analysis error (a rule panicked or failed): %v\ninput: %q", err, src)
	}
	hadErrors := pyedit.SyntaxErrors(src) > 0
	if hadErrors && !bytes.Equal(out, src) {
		t.Fatalf("an input with syntax errors was changed:\n%s", fix.Diff(fuzzPath, src, out))
	}
	if !rep.Converged {
		t.Fatalf("fixes did not converge on:\n%q", src)
	}
	if len(rep.Failed) > 0 && py.compiles(src) == nil {
		t.Fatalf("fix of %s (%s) failed on valid Python: %s\ninput: %q", rep.Failed[0].Rule.ID(), rep.Failed[0].Message, rep.Failed[0].Err, src)
	}
	if bytes.Equal(out, src) {
		return out
	}
	if n := pyedit.SyntaxErrors(out); n > 0 {
		t.Fatalf("the result has %d syntax errors; input %q:\n%s", n, src, fix.Diff(fuzzPath, src, out))
	}
	if rtIn, rtOut := pyedit.Runtime(src), pyedit.Runtime(out); rtIn != nil && rtOut != nil {
		if names := rtOut.NewUnbound(rtIn); len(names) > 0 {
			t.Fatalf("the result uses %q, which nothing binds when it runs; input %q:\n%s", names, src, fix.Diff(fuzzPath, src, out))
		}
		for _, m := range rtOut.NewImports(rtIn) {
			if err := fuzzImportable(rtIn)(m); err != nil {
				t.Fatalf("the result imports %s, which the file cannot import; input %q:\n%s", m, src, fix.Diff(fuzzPath, src, out))
			}
		}
	}
	again, rep2, err := fixAll(out)
	if err != nil || !bytes.Equal(again, out) || len(rep2.Applied) > 0 {
		t.Fatalf("not idempotent (err %v, %d fixes applied again); input %q:\n%s", err, len(rep2.Applied), src, fix.Diff(fuzzPath, out, again))
	}
	if py.compiles(src) == nil {
		if err := py.compiles(out); err != nil && err != errWorker {
			t.Fatalf("python3 compiles the input but not the result: %v\ninput %q:\n%s", err, src, fix.Diff(fuzzPath, src, out))
		}
	}
	return out
}

// ruleTestFiles returns the Python test files of every rule
// (analyzers/*/testdata/python, projects' files included).
func ruleTestFiles(tb testing.TB) [][]byte {
	tb.Helper()
	var files [][]byte
	root := ".."
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".py") || !strings.Contains(filepath.ToSlash(p), "/testdata/python/") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files = append(files, b)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	if len(files) < 100 {
		tb.Fatalf("found %d rule test files under %s; expected the rules' testdata", len(files), root)
	}
	return files
}

// crlf converts LF line endings to CRLF.
func crlf(src []byte) []byte {
	return bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
}

// tabs re-indents four-space indentation with tabs.
func tabs(src []byte) []byte {
	lines := bytes.SplitAfter(src, []byte("\n"))
	for i, l := range lines {
		n := 0
		for bytes.HasPrefix(l[n*4:], []byte("    ")) {
			n++
		}
		if n > 0 {
			lines[i] = append(bytes.Repeat([]byte("\t"), n), l[n*4:]...)
		}
	}
	return bytes.Join(lines, nil)
}

// mixedSeeds are services where several rules fire in one file, so that
// their fixes meet: imports merged from several fixes, edits next to each
// other, a body re-indented around a handler another fix rewrites.
var mixedSeeds = []string{
	// XY001, XY002, XY003 (async with), XY004, XY005, XY006.
	`"""Orders service."""
import json

import httpx
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from shared.auth import verify_api_key
from shared.http_client import get_http_client

app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["*"],
)


@app.get("/health")
async def health():
    return {"ok": True}


@app.post("/orders")
async def create_order(body: dict):
    async with httpx.AsyncClient() as client:
        resp = await client.post("https://payments.internal/charge", json=body)
        try:
            data = json.loads(resp.text)
        except Exception as e:
            print("bad response", e)
            return None
    return data
`,
	// Google Cloud clients per request, a router, a module-level print.
	`from fastapi import APIRouter, FastAPI
from google.cloud import bigquery, storage
from starlette.middleware.cors import CORSMiddleware

from shared import gcp_clients

print("starting")
router = APIRouter(prefix="/reports")


@router.get("/{name}")
def report(name: str):
    client = bigquery.Client()
    try:
        rows = client.query(f"SELECT * FROM {name}").result()
    except:
        print("query failed", name, sep=" ")
        rows = []
    return list(rows)


@router.delete("/{name}")
def delete(name: str):
    try:
        storage.Client().bucket("b").blob(name).delete()
    except Exception:
        pass


def create_app():
    app = FastAPI()
    app.add_middleware(CORSMiddleware, allow_origins="*", allow_credentials=True)
    app.include_router(router)
    return app
`,
	// A lifespan code base, a logger already there, a sorted import block.
	`import logging
import os
from contextlib import asynccontextmanager

import httpx
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from shared.auth import verify_api_key
from shared.gcp_clients import get_storage_client
from shared.http_client import close_http_client

log = logging.getLogger(__name__)


@asynccontextmanager
async def lifespan(app):
    yield


other = FastAPI(lifespan=lifespan)
app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"])


@app.put("/items/{key}")
async def put_item(key: str, value: str = ""):
    client = httpx.AsyncClient(timeout=5)
    if key:
        print(key, value, file=None)
    try:
        return int(value)
    except Exception:
        print("bad value", os.sep, value)
        return 0


@app.get("/items", dependencies=[Depends(verify_api_key)])
async def items():
    return []
`,
	// Flask: a view without its auth decorator, flask-cors on everything.
	`import requests
from flask import Flask
from flask_cors import CORS

from shared.auth import require_api_key

app = Flask(__name__)
CORS(app, origins="*")


@app.route("/sync", methods=["POST"])
def sync():
    session = requests.Session()
    try:
        return session.get("https://example.com").text
    except Exception as err:
        print(err)
        return ""
`,
}

// edgeSeeds are shapes where edits go wrong: one-line compound statements,
// semicolons, continuation lines, comments, no final newline, non-ASCII
// text (columns count code points), imports in unusual places.
var edgeSeeds = []string{
	// Names bound only for type checkers (issue 10): a fix must not rely
	// on them.
	"from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    import logging\n\n\ndef f():\n    print(\"x\")\n",
	"from typing import TYPE_CHECKING\n\nfrom google.cloud import bigquery\n\nif TYPE_CHECKING:\n    from shared.gcp_clients import get_bigquery_client\n\n\ndef report():\n    client = bigquery.Client()\n    return client\n",
	"import typing\n\nif typing.TYPE_CHECKING:\n    import logging\n\n    logger = logging.getLogger(__name__)\n\n\ndef g():\n    try:\n        return 1\n    except Exception:\n        pass\n",
	"if False:\n    import logging\nlogger = None\nprint(1)\n",
	"import requests\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import requests\n\n\ndef f(u):\n    s = requests.Session()\n    requests.get(u)\n    return s\n",
	// A route above a later `from fastapi import` (found by
	// TestFixedMutantsCompile: Depends merged into it was unbound when the
	// decorator ran).
	"from fastapi import FastAPI\napp = FastAPI()\n\n\n@app.post(\"/x\")\ndef x():\n    return \"\"\nfrom fastapi import APIRouter\n",
	"import json\ndef f(s):\n    try: return json.loads(s)\n    except Exception: print(\"bad\"); return None\n",
	"print(\"a\"); print(\"b\", 1)\nx = 1; print(x, end=\"\")\n",
	"print(\"a\", \\\n      \"b\")\nif True: print(\"one line\")\n",
	"f = lambda: print(\"x\")\nclass C:\n    print(\"class body\")\n    def m(self): print(self, sep=\"\")\n",
	"import httpx\nasync def f(u, x):\n    if x:\n        async with httpx.AsyncClient() as c: await c.get(u)\n    else:\n        async with httpx.AsyncClient() as c:\n            # comment\n\n            \"\"\"doc\"\"\"\n        # dedented comment\n            return await c.get(u)\n",
	"\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\n\nfrom fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\napp = FastAPI(); app.add_middleware(CORSMiddleware, allow_origins=(\"*\",))\n",
	"from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import httpx\ntry:\n    import ujson as json\nexcept ImportError:\n    import json\n\ndef f(s):\n    try:\n        return json.loads(s)\n    except Exception:\n        print(\"100%\", s, \"%s\")\n",
	"def f(*args, **kw):\n    print(*args)\n    print(**kw)\n    print(f\"{args!r:>10}\", sep=\"-\", end=\"\\n\")\n    print(\"x\", flush=True)\n",
	"from fastapi import FastAPI, Depends\nfrom shared.auth import verify_api_key\napp = FastAPI()\n@app.post(\n    \"/x\",\n    response_model=None,\n)\nasync def x():\n    return 1\n@app.put(\"/y\", dependencies=[Depends(lambda: 1),],)\nasync def y(): return 2\n@app.patch(\"/z\",  # comment\n    )\nasync def z(): return 3",
	"from fastapi import FastAPI\nfrom starlette.middleware import Middleware\nfrom starlette.middleware.cors import CORSMiddleware\nfrom shared.http_client import get_http_client\nif True: app = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=[\"*\"])])\n",
	"# -*- coding: utf-8 -*-\nimport requests\ndef héllo(ünï):\n    try:\n        return requests.get(\"https://ex.com/é\", timeout=1)\n    except Exception:\n        print(\"héllo wörld 🎉\", ünï)\n",
	"import os\n\x0cdef f():\n    try:\n        os.remove(\"x\")\n    except Exception:\n        pass\n",
	"def outer():\n    import httpx\n    async def inner(u):\n        async with httpx.AsyncClient(timeout=3) as client, open(u) as fh:\n            return await client.post(u, content=fh.read())\n    return inner\n",
	"from google.cloud import storage, pubsub_v1\nfrom fastapi import FastAPI\nfrom shared.gcp_clients import get_storage_client\napp = FastAPI()\n@app.get(\"/b\")\ndef b():\n    c = storage.Client(project=\"p\")\n    p = pubsub_v1.PublisherClient()\n    return c, p\n",
}
