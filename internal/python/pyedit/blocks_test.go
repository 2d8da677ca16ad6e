package pyedit_test

import (
	"slices"
	"testing"

	"github.com/xynergy/xylint/internal/lint"
	"github.com/xynergy/xylint/internal/python/names"
	"github.com/xynergy/xylint/internal/python/pyedit"
	"github.com/xynergy/xylint/internal/python/syntax"
)

// statements returns the statements whose text is one of texts, in source
// order.
func statements(t *testing.T, f *pyedit.File, texts ...string) []syntax.Node {
	t.Helper()
	var out []syntax.Node
	for n := range f.F.Tree.All() {
		if n.Is(syntax.KindExpressionStatement) && slices.ContainsFunc(texts, n.TextIs) {
			out = append(out, n)
		}
	}
	if len(out) != len(texts) {
		t.Fatalf("found %d of the statements %q", len(out), texts)
	}
	return out
}

// TestDeleteStatements: a statement alone on its line goes with it (the
// block's first with the blank lines after it), one sharing its line
// becomes `pass`, a block left empty keeps a `pass`, and an emptied
// `finally:` of a plain try unwraps the try, dedenting its body (a
// multi-line string's content stays put).
func TestDeleteStatements(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		del       []string
		want      string
	}{
		{"alone", "def f():\n    c.close()\n\n    g()\n    h()\n", []string{"c.close()", "h()"},
			"def f():\n    g()\n"},
		{"shared line", "def f():\n    g(); c.close()\n", []string{"c.close()"},
			"def f():\n    g(); pass\n"},
		{"emptied block", "if x:\n    c.close()\nelse:\n    g()\n", []string{"c.close()"},
			"if x:\n    pass\nelse:\n    g()\n"},
		{"try finally", "def f():\n    try:\n        s = \"\"\"a\n    b\"\"\"\n        g(s)\n    finally:\n        c.close()\n", []string{"c.close()"},
			"def f():\n    s = \"\"\"a\n    b\"\"\"\n    g(s)\n"},
		{"try except finally keeps try", "try:\n    g()\nexcept E:\n    h()\nfinally:\n    c.close()\n", []string{"c.close()"},
			"try:\n    g()\nexcept E:\n    h()\nfinally:\n    pass\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := parse(t, tc.src)
			edits, _ := f.DeleteStatements(statements(t, f, tc.del...))
			if got := apply(t, tc.src, edits); got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// TestUnwrapWith: the header becomes the statement, the body moves out, the
// lines another edit deletes are not dedented (their edits would overlap).
func TestUnwrapWith(t *testing.T) {
	src := "async def f():\n    async with httpx.AsyncClient() as c:\n        r = await c.get(u)\n        await c.aclose()\n    return r\n"
	f := parse(t, src)
	var ws syntax.Node
	for n := range f.F.Tree.All() {
		if n.Is(syntax.KindWithStatement) {
			ws = n
		}
	}
	header, body, ok := f.UnwrapWith(ws, "c = get_http_client()")
	if !ok {
		t.Fatal("UnwrapWith refused")
	}
	dels, deleted := f.DeleteStatements(statements(t, f, "await c.aclose()"))
	edits := append(append([]lint.Edit{header}, dels...), body.Edits(deleted)...)
	want := "async def f():\n    c = get_http_client()\n    r = await c.get(u)\n    return r\n"
	if got := apply(t, src, edits); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	oneLine := parse(t, "with open(p) as fh: fh.read()\n")
	for n := range oneLine.F.Tree.All() {
		if n.Is(syntax.KindWithStatement) {
			if _, _, ok := oneLine.UnwrapWith(n, "fh = x"); ok {
				t.Error("a body on the header's line cannot move out")
			}
		}
	}
}

// TestPruneImports: a name whose every use goes is cut from its statement,
// a statement all of whose names go is handed back whole, a name still used
// elsewhere stays.
func TestPruneImports(t *testing.T) {
	src := "import httpx\nfrom google.cloud import bigquery, storage\n\nc = httpx.AsyncClient()\nb = bigquery.Client()\ns = storage.Client()\n"
	f := parse(t, src)
	var cands []*names.Binding
	for _, n := range []string{"httpx", "bigquery", "storage"} {
		cands = append(cands, f.Names.ModuleScope().Bindings(n)...)
	}
	gone := [][2]int{}
	for n := range f.F.Tree.All() {
		if n.Is(syntax.KindCall) && (n.TextIs("httpx.AsyncClient()") || n.TextIs("bigquery.Client()")) {
			gone = append(gone, [2]int{n.Start(), n.End()})
		}
	}
	edits, whole := f.PruneImports(cands, gone, nil)
	if len(whole) != 1 || !whole[0].TextIs("import httpx") {
		t.Fatalf("whole statements: %v", whole)
	}
	dels, _ := f.DeleteStatements(whole)
	got := apply(t, src, append(edits, dels...))
	want := "from google.cloud import storage\n\nc = httpx.AsyncClient()\nb = bigquery.Client()\ns = storage.Client()\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMergeImports(t *testing.T) {
	got := pyedit.MergeImports([]*pyedit.Import{
		{Module: "shared.gcp_clients", Name: "get_storage_client"},
		nil,
		{Module: "os"},
		{Module: "shared.gcp_clients", Name: "get_bigquery_client"},
		{Module: "shared.gcp_clients", Name: "get_storage_client"},
		{Module: "asyncio"},
	})
	want := []pyedit.Import{{Module: "asyncio"}, {Module: "os"}, {Module: "shared.gcp_clients", Name: "get_bigquery_client, get_storage_client"}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}
