package directclient_test

import (
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/xynergy/xylint/analyzers/directclient"
)

// decode fills the defaults from TOML as the configuration loader does.
func decode(t *testing.T, src string) *directclient.Options {
	t.Helper()
	o := directclient.NewOptions()
	dec := toml.NewDecoder(strings.NewReader(src))
	dec.DisallowUnknownFields()
	if err := dec.Decode(o); err != nil {
		t.Fatalf("decode: %v", err)
	}
	return o
}

// compile checks and compiles o as the configuration loader does.
func compile(o *directclient.Options) (*directclient.Config, error) {
	c, err := directclient.OptionsSpec.CompileValue(o)
	if err != nil {
		return nil, err
	}
	return c.Value, nil
}

func check(o *directclient.Options) error {
	_, err := compile(o)
	return err
}

func mustCompile(t *testing.T, o *directclient.Options) *directclient.Config {
	t.Helper()
	c, err := compile(o)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func find(table []directclient.Client, ctor string) *directclient.Client {
	for i := range table {
		if table[i].Constructor == ctor {
			return &table[i]
		}
	}
	return nil
}

func TestExtendClients(t *testing.T) {
	o := decode(t, `
[[extend-clients]]
constructor = "google.cloud.datastore.Client"
getter = "get_datastore_client"
module = "shared.gcp_clients"
args = ["project", "namespace"]

[[extend-clients]]
constructor = "requests.Session"
ignore = true

[[extend-clients]]
constructor = "mycorp.search.SearchClient"
getter = "get_search_client"
module = "mycorp.pools"
`)
	if err := check(o); err != nil {
		t.Fatal(err)
	}
	table := o.Table()
	if c := find(table, "google.cloud.datastore.Client"); c == nil || c.Getter != "get_datastore_client" || len(c.Args) != 2 {
		t.Errorf("extend-clients did not replace the default entry: %+v", c)
	}
	if find(table, "requests.Session") != nil {
		t.Error("ignore = true kept requests.Session")
	}
	if find(table, "mycorp.search.SearchClient") == nil || find(table, "google.cloud.bigquery.Client") == nil {
		t.Error("extend-clients must add to the defaults, not replace them")
	}
	if len(table) != len(directclient.DefaultClients)+1-1 {
		t.Errorf("table has %d entries, want %d", len(table), len(directclient.DefaultClients))
	}
	// The defaults themselves are untouched.
	if c := find(directclient.DefaultClients, "google.cloud.datastore.Client"); c.Getter != "" {
		t.Error("NewOptions shares its defaults with the package's table")
	}
}

func TestClientsReplaceDefaults(t *testing.T) {
	o := decode(t, `
[[clients]]
constructor = "google.cloud.bigquery.Client"
getter = "bq"
module = "pools"
`)
	if table := o.Table(); len(table) != 1 || table[0].Getter != "bq" {
		t.Errorf("clients = [...] must replace the defaults, got %+v", table)
	}
}

func TestValidate(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{`[[extend-clients]]
constructor = "not a name"`, "constructor must be a dotted name"},
		{`[[extend-clients]]
constructor = "a.B"
getter = "get_b"`, "a getter needs the module"},
		{`[[extend-clients]]
constructor = "a.B"
getter = "pools.get_b"
module = "pools"`, "getter must be a function name"},
		{`[[extend-clients]]
constructor = "a.B"
args = ["project=1"]`, "not a keyword argument name"},
		{`[[extend-clients]]
constructor = "a.B"
[[extend-clients]]
constructor = "a.B"`, "listed twice"},
		{`[[clients]]
constructor = "a.B"
ignore = true`, "ignore belongs in extend-clients"},
		{`pool-modules = ["!x.py"]`, "not a path glob"},
	} {
		err := check(decode(t, c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.src, err, c.want)
		}
	}
	if err := check(directclient.NewOptions()); err != nil {
		t.Errorf("the defaults do not validate: %v", err)
	}
	if err := check(decode(t, `[[extend-clients]]
constructor = "google.cloud.*.*ServiceClient"`)); err != nil {
		t.Errorf("a glob constructor: %v", err)
	}
}

func TestExcludes(t *testing.T) {
	o := mustCompile(t, directclient.NewOptions())
	for p, want := range map[string]bool{
		"shared/gcp_clients.py":                   true,
		"testdata/platform/shared/http_client.py": true,
		"svc/shared/gcp_clients.py":               true,
		"svc/gcp_clients.py":                      false,
		"svc/tests/helpers.py":                    true,
		"svc/test_main.py":                        true,
		"svc/conftest.py":                         true,
		"svc/main.py":                             false,
		"svc/testing.py":                          false,
	} {
		if got := o.Excludes(p); got != want {
			t.Errorf("Excludes(%s) = %v, want %v", p, got, want)
		}
	}
	o = mustCompile(t, decode(t, `pool-modules = ["pools/**/*.py"]
exclude = []`))
	if !o.Excludes("x/pools/a/b.py") || o.Excludes("shared/gcp_clients.py") || o.Excludes("tests/test_a.py") {
		t.Error("pool-modules and exclude replace their defaults")
	}
}
