package pyedit_test

import (
	"testing"

	"github.com/xynergy/xylint/internal/fix"
	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
	"github.com/xynergy/xylint/internal/textedit"
)

func parse(t *testing.T, src string) *pyedit.File {
	t.Helper()
	f, err := syntax.Parse("m.py", []byte(src))
	if err != nil || len(f.Errors) > 0 {
		t.Fatalf("parse: %v %v", err, f.Errors)
	}
	return pyedit.New(f, names.Build(f, "m"))
}

func apply(t *testing.T, src string, edits []lint.Edit) string {
	t.Helper()
	out, err := fix.Apply([]byte(src), edits)
	if err != nil {
		t.Fatal(err)
	}
	if n := pyedit.SyntaxErrors(out); n > 0 {
		t.Errorf("result has syntax errors:\n%s", out)
	}
	return string(out)
}

// find returns the first node of kind k whose text is text.
func find(t *testing.T, f *pyedit.File, k syntax.Kind, text string) syntax.Node {
	t.Helper()
	for n := range f.F.Tree.All() {
		if n.Is(k) && n.TextIs(text) {
			return n
		}
	}
	t.Fatalf("no %s %q", k, text)
	return syntax.Node{}
}

func TestAddImport(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		imp       pyedit.Import
		want      string
	}{
		{"merge one line, sorted", "from fastapi import FastAPI, Request\n", pyedit.Import{Module: "fastapi", Name: "Depends"},
			"from fastapi import Depends, FastAPI, Request\n"},
		{"merge one line, at the end", "from fastapi import FastAPI\n", pyedit.Import{Module: "fastapi", Name: "Request"},
			"from fastapi import FastAPI, Request\n"},
		{"merge unsorted: append", "from m import b, a\n", pyedit.Import{Module: "m", Name: "c"},
			"from m import b, a, c\n"},
		{"merge parenthesised, one per line", "from fastapi import (\n    FastAPI,\n    Request,\n)\n", pyedit.Import{Module: "fastapi", Name: "Depends"},
			"from fastapi import (\n    Depends,\n    FastAPI,\n    Request,\n)\n"},
		{"merge parenthesised, at the end", "from fastapi import (\n    FastAPI,\n    Request,\n)\n", pyedit.Import{Module: "fastapi", Name: "status"},
			"from fastapi import (\n    FastAPI,\n    Request,\n    status,\n)\n"},
		{"already there", "from fastapi import Depends\n", pyedit.Import{Module: "fastapi", Name: "Depends"},
			"from fastapi import Depends\n"},
		{"not into a wildcard", "from m import *\n", pyedit.Import{Module: "m", Name: "x"},
			"from m import *\nfrom m import x\n"},
		{"sorted plain imports", "import json\nimport sys\n", pyedit.Import{Module: "os"},
			"import json\nimport os\nimport sys\n"},
		{"into the package's group", "import os\n\nfrom shared.auth import verify\n", pyedit.Import{Module: "shared.http_client", Name: "get_client"},
			"import os\n\nfrom shared.auth import verify\nfrom shared.http_client import get_client\n"},
		{"after docstring and __future__", "\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\n\nx = 1\n", pyedit.Import{Module: "os"},
			"\"\"\"Doc.\"\"\"\nfrom __future__ import annotations\n\nimport os\n\nx = 1\n"},
		{"CRLF", "import sys\r\n", pyedit.Import{Module: "os"}, "import os\r\nimport sys\r\n"},
		// Ruff's case-sensitive isort: upper case first. Case-insensitively
		// the block is unsorted; case-sensitively the import has a place.
		{"sorted case-sensitively", "from Crypto import Random\nfrom PIL import Image\nfrom attr import define\nfrom vertexai import init\n",
			pyedit.Import{Module: "shared.gcp_clients", Name: "get_storage_client"},
			"from Crypto import Random\nfrom PIL import Image\nfrom attr import define\nfrom shared.gcp_clients import get_storage_client\nfrom vertexai import init\n"},
		{"sorted either way: case-insensitively", "from alpha import a\nfrom Beta import b\n", pyedit.Import{Module: "bravo", Name: "x"},
			"from alpha import a\nfrom Beta import b\nfrom bravo import x\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, tc.src)
			if got := apply(t, tc.src, f.AddImport(tc.imp)); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestRef(t *testing.T) {
	src := "import json\nimport google.api_core.exceptions\nfrom pprint import pprint as pp\n\n\ndef f():\n    return 1\n"
	f := parse(t, src)
	at := find(t, f, syntax.KindInteger, "1")
	for q, want := range map[string]string{
		"json.JSONDecodeError":                      "json.JSONDecodeError",
		"google.api_core.exceptions.GoogleAPIError": "google.api_core.exceptions.GoogleAPIError",
		"pprint.pprint":                             "pp",
	} {
		expr, imp, ok := f.Ref(q, at)
		if !ok || imp != nil || expr != want {
			t.Errorf("Ref(%s) = %q, %v, %v; want %q and no import", q, expr, imp, ok, want)
		}
	}
	if expr, imp, ok := f.Ref("httpx.HTTPError", at); !ok || expr != "httpx.HTTPError" || imp == nil || imp.String() != "import httpx" {
		t.Errorf("Ref(httpx.HTTPError) = %q, %v, %v", expr, imp, ok)
	}
	if expr, imp, ok := f.Ref("pprint.pformat", at); !ok || expr != "pformat" || imp.String() != "from pprint import pformat" {
		t.Errorf("Ref(pprint.pformat) = %q, %v, %v", expr, imp, ok)
	}
}

// An import whose name is bound again at module level is not reused: the
// name may refer to the other binding where the reference goes.
func TestRefRebound(t *testing.T) {
	src := "from shared.auth import verify_api_key as check_key\nfrom deps import check_key\n\n\ndef f():\n    return 1\n"
	f := parse(t, src)
	at := find(t, f, syntax.KindInteger, "1")
	if expr, _, ok := f.Ref("shared.auth.verify_api_key", at); ok && expr == "check_key" {
		t.Errorf("Ref reused check_key, which deps rebinds")
	}
}

// An import under an if or in a try binds its name on some paths only: it
// is reused inside its own branch, not elsewhere, where Ref imports afresh
// (issue 14: tools.py's `import logging as _log` under an if).
func TestRefConditionalImport(t *testing.T) {
	src := "import os\n\nif os.environ.get(\"FLAG\"):\n    import logging as _log\n    _log.info(\"on\")\ntry:\n    import ujson as json\nexcept ImportError:\n    HAVE_JSON = False\n\n\ndef f():\n    return 1\n"
	f := parse(t, src)
	at := find(t, f, syntax.KindInteger, "1")
	if expr, imp, ok := f.Ref("logging.getLogger", at); !ok || expr != "logging.getLogger" || imp == nil || imp.String() != "import logging" {
		t.Errorf("Ref(logging.getLogger) = %q, %v, %v; want logging.getLogger with import logging", expr, imp, ok)
	}
	if expr, imp, ok := f.Ref("ujson.dumps", at); ok && imp == nil {
		t.Errorf("Ref(ujson.dumps) = %q reused the import of a try whose except binds something else", expr)
	}
	inBranch := find(t, f, syntax.KindString, `"on"`)
	if expr, imp, ok := f.Ref("logging.warning", inBranch); !ok || imp != nil || expr != "_log.warning" {
		t.Errorf("Ref(logging.warning) in the if's branch = %q, %v, %v; want _log.warning, no import", expr, imp, ok)
	}
}

func TestAddKeywordArgument(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"app.get('/x')\n", "app.get('/x', dependencies=[d])\n"},
		{"app.get()\n", "app.get(dependencies=[d])\n"},
		{"app.get(\n    '/x',\n    tags=['a'],\n)\n", "app.get(\n    '/x',\n    tags=['a'],\n    dependencies=[d],\n)\n"},
		{"app.get(\n    '/x'\n)\n", "app.get(\n    '/x',\n    dependencies=[d]\n)\n"},
	} {
		f := parse(t, tc.src)
		var call syntax.Node
		for n := range f.F.Tree.All() {
			if n.Is(syntax.KindCall) {
				call = n
				break
			}
		}
		if got := apply(t, tc.src, []lint.Edit{f.AddKeywordArgument(call, "dependencies=[d]")}); got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
		}
	}
}

// Unwrapping `async with httpx.AsyncClient() as client:`: the body moves
// one level out; a multi-line string keeps its content.
func TestReindent(t *testing.T) {
	src := "async def f():\n    async with httpx.AsyncClient() as client:\n        r = await client.get(u)\n        doc = \"\"\"a\n        b\"\"\"\n        if r:\n            return doc\n"
	f := parse(t, src)
	var with syntax.Node
	for n := range f.F.Tree.All() {
		if n.Is(syntax.KindWithStatement) {
			with = n
		}
	}
	body := with.ChildByField(syntax.FieldBody)
	edits := f.Reindent(body, "    ")
	// Replace the with header line by the body: delete from the with's
	// start to the body's line start.
	edits = append(edits, lint.Edit{Start: textedit.LineStart(f.Src, with.Start()), End: textedit.LineStart(f.Src, body.Start())})
	want := "async def f():\n    r = await client.get(u)\n    doc = \"\"\"a\n        b\"\"\"\n    if r:\n        return doc\n"
	if got := apply(t, src, edits); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestRemoveImport(t *testing.T) {
	for _, tc := range []struct{ src, name, want string }{
		{"import os\nimport sys\n\nx = sys\n", "os", "import sys\n\nx = sys\n"},
		{"from m import a, b, c\n", "b", "from m import a, c\n"},
		{"from m import a, b\n", "b", "from m import a\n"},
		{"import httpx as h\nx = 1\n", "h", "x = 1\n"},
	} {
		f := parse(t, tc.src)
		b := f.Names.ModuleScope().Bindings(tc.name)
		if len(b) != 1 {
			t.Fatalf("%q: no binding of %s", tc.src, tc.name)
		}
		edits, ok := f.RemoveImport(b[0])
		if !ok {
			t.Fatalf("%q: cannot remove %s", tc.src, tc.name)
		}
		if got := apply(t, tc.src, edits); got != tc.want {
			t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
		}
	}
}

func TestInsertAfterAndIndent(t *testing.T) {
	src := "app = FastAPI()\r\nx = 1\r\n"
	f := parse(t, src)
	app := find(t, f, syntax.KindExpressionStatement, "app = FastAPI()")
	code := "@app.on_event(\"shutdown\")\nasync def close():\n    await close_clients()\n"
	got := apply(t, src, []lint.Edit{f.InsertAfter(app, "", "\n\n"+code+"\n")})
	want := "app = FastAPI()\r\n\r\n\r\n@app.on_event(\"shutdown\")\r\nasync def close():\r\n    await close_clients()\r\n\r\nx = 1\r\n"
	if got != want {
		t.Errorf("got:\n%q\nwant:\n%q", got, want)
	}
	if u := textedit.IndentUnit([]byte("def f():\n\tpass\n")); u != "\t" {
		t.Errorf("IndentUnit: %q", u)
	}
}
