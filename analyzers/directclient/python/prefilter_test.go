package python

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xynergy/xylint/analyzers/directclient"
)

func TestLiteralParts(t *testing.T) {
	for c, want := range map[string][]string{
		"google.cloud.bigquery.Client": {"google", "cloud", "bigquery", "Client"},
		"google.cloud.*.*Client":       {"google", "cloud", "Client"},
		"redis.Redis.from_url":         {"redis", "Redis", "from_url"},
		"redis.redis":                  {"redis"},
		"acme.Cl*nt":                   {"acme", "Cl", "nt"},
		"acme.Client[12]":              {"acme"},
		"*.*":                          nil,
	} {
		if got := literalParts(c); !slices.Equal(got, want) {
			t.Errorf("literalParts(%q) = %q, want %q", c, got, want)
		}
	}
}

// The compiled prefilter passes the files that name a constructor in any
// import form, and files with an entry point; a table with a glob that
// has no literal text has no prefilter.
func TestPrefilter(t *testing.T) {
	pf := prefilterFor(directclient.OptionsSpec.Of(nil).Value)
	pass := func(src string) bool {
		if pf.Match != nil && pf.Match([]byte(src)) {
			return true
		}
		has := func(s string) bool { return strings.Contains(src, s) }
		for _, s := range pf.Any {
			if has(s) {
				return true
			}
		}
		for _, l := range pf.All {
			if !slices.ContainsFunc(l, func(s string) bool { return !has(s) }) {
				return true
			}
		}
		return false
	}
	for src, want := range map[string]bool{
		"from google.cloud import bigquery\nc = bigquery.Client()\n":         true,
		"import google.cloud.storage as gcs\nc = gcs.Client()\n":             true,
		"from redis import asyncio as aioredis\nr = aioredis.from_url(u)\n":  true,
		"from google.cloud import bigquery\njob = bigquery.QueryJobConfig()": false,
		"import requests\nrequests.get(u)\n":                                 false,
		"def handler(request):\n    return 'ok'\n":                           true,
		"@app.post('/x')\ndef f():\n    pass\n":                              true,
		"@app.before_request\ndef f():\n    pass\n":                          true,
	} {
		if got := pass(src); got != want {
			t.Errorf("%q: passes %v, want %v", src, got, want)
		}
	}
	o := directclient.NewOptions()
	o.ExtendClients = []directclient.Client{{Constructor: "*.*", Getter: "get", Module: "shared.x"}}
	c, err := directclient.OptionsSpec.CompileValue(o)
	if err != nil {
		t.Fatal(err)
	}
	if p := prefilterFor(c.Value); p != nil {
		t.Errorf("a *.* constructor: prefilter %+v, want none", p)
	}
}

// replacesAttrExpression is what replacesAttr matches, as it was written
// first: the specification TestReplacesAttrAsTheExpression holds it to.
var replacesAttrExpression = regexp.MustCompile(`(?m)^[ \t]*[A-Za-z_]\w*(\.\w+)+[ \t]*=[^=]`)

// TestReplacesAttrAsTheExpression: replacesAttr answers as the expression
// on assignments to dotted names and near misses (comparisons, augmented
// assignments, a plain name, a trailing dot, "=" at the end of the text,
// indentation, CRLF, non-ASCII and invalid UTF-8), and on random texts over
// the characters that matter.
func TestReplacesAttrAsTheExpression(t *testing.T) {
	texts := []string{
		"mod.Client = Fake\n", "  mod.pkg.Client = Fake", "\tm.C=F", "x = 1\nsnippets.firestore.Client = TestClient\n",
		"mod.Client == Fake", "mod.Client += 1", "mod.Client != 1", "Client = Fake", "mod. Client = Fake", "mod.Client. = F",
		"mod.Client =", "mod.Client =\n", "mod.Client =\r\n", "mod.Client=\xff", "mod.Clíent = 1", "módulo.x = 1",
		"1mod.Client = F", "_m._1 = F", "m.1 = F", "x = m.C = F", "# m.C = F", "m.C\t \t= F", "\rm.C = F", "a\rm.C = F",
		"m.C = F\r\n", "", "\n", "m", "m.", "m.C", "m.C ", "m.C =", "\n\nm.C = 1", "if m.C == 1:\n    m.C = 2\n",
	}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab_1. \t=\n\r#(\xff")
	for range 20000 {
		b := make([]byte, r.IntN(14))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		texts = append(texts, string(b))
	}
	for _, s := range texts {
		if got, want := replacesAttr([]byte(s)), replacesAttrExpression.MatchString(s); got != want {
			t.Errorf("replacesAttr(%q) = %v, the expression says %v", s, got, want)
		}
	}
}

// BenchmarkReplacesAttr: a test file with no assignment to a dotted name,
// which is read to the end (by hand, and by the expression).
func BenchmarkReplacesAttr(b *testing.B) {
	src := []byte(strings.Repeat("def test_x(capsys):\n    result = run(['a', 'b'])\n    assert result.value == 3  # x.y = 1\n    out, _ = capsys.readouterr()\n\n", 200))
	b.Run("hand", func(b *testing.B) {
		for b.Loop() {
			if replacesAttr(src) {
				b.Fatal("no dotted assignment")
			}
		}
	})
	b.Run("expression", func(b *testing.B) {
		for b.Loop() {
			if replacesAttrExpression.Match(src) {
				b.Fatal("no dotted assignment")
			}
		}
	})
}
