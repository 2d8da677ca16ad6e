package python

import (
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
