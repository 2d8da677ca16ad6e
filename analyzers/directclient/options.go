package directclient

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/xynergy/xylint/internal/ruleopts"
	"github.com/xynergy/xylint/internal/walk"
)

// Options configures XY003 direct-client ([tool.xylint.direct-client] in the
// configuration, the golangci-lint plugin's settings, or the vet tool's
// -directclient.* flags), as configuration writes them: one table, whose
// keys are the Go detection's (GoOptions) and the Python detection's
// (PythonOptions).
type Options struct {
	GoOptions
	PythonOptions
}

// GoOptions are the options the Go analyzer reads.
type GoOptions struct {
	// PoolPackages are the Go packages that own the shared clients: they
	// may build clients anywhere. An entry is an import path, a path ending
	// in "/..." for a subtree, or the trailing part of a path.
	PoolPackages []string `toml:"pool-packages" vet:"comma-separated packages (import paths, path/... subtrees or trailing parts) that may build clients"`
}

// PythonOptions are the options the Python detection reads.
type PythonOptions struct {
	// Clients is the Python table of client constructors and the pooled
	// getters that replace them. Setting it replaces the defaults
	// (DefaultClients); ExtendClients adds to them.
	Clients []Client `toml:"clients"`
	// ExtendClients are entries added to Clients; an entry whose
	// constructor is already in Clients replaces that entry, and an entry
	// with Ignore set removes it.
	ExtendClients []Client `toml:"extend-clients"`
	// PoolModules are path globs of the Python modules that own the shared
	// clients (gitignore syntax, matched against the file's path and every
	// tail of it): they may build clients anywhere.
	PoolModules []string `toml:"pool-modules"`
	// Exclude are path globs (same syntax) of Python files the rule does
	// not look at: by default test files, whose fixtures build real
	// clients on purpose.
	Exclude []string `toml:"exclude"`
}

// Client is one row of the Python constructor table.
type Client struct {
	// Constructor is the qualified name of the callable that builds a
	// client, as imports resolve it: "google.cloud.bigquery.Client",
	// "redis.Redis.from_url". A "*" matches within one dotted part
	// ("google.cloud.*.*ServiceClient").
	Constructor string `toml:"constructor"`
	// Getter is the pooled getter that replaces the constructor
	// ("get_bigquery_client"); empty when the pool module has none yet.
	Getter string `toml:"getter"`
	// Module is the dotted module that defines Getter ("shared.gcp_clients"),
	// or, without a Getter, the pool module where one belongs.
	Module string `toml:"module"`
	// Args are the constructor's keyword arguments that Getter accepts
	// under the same name (["project"]). A call passing any other argument
	// cannot become a getter call without changing what it builds.
	Args []string `toml:"args"`
	// Positional names, in order, the getter's parameters that the
	// constructor's positional arguments are (["project"]: `Client("p")`
	// becomes `get_bigquery_client(project="p")`). A call with more
	// positional arguments than listed has no fix.
	Positional []string `toml:"positional"`
	// Drop are keyword arguments the fix may drop, which makes it unsafe:
	// settings the pooled client has a value of its own for (httpx's
	// `timeout`, `limits`). A call passing an argument that is in neither
	// Args nor Drop has no fix.
	Drop []string `toml:"drop"`
	// Async says the getter is a coroutine function: the fix awaits it, and
	// so applies only inside `async def`.
	Async bool `toml:"async"`
	// Ignore, in extend-clients, removes the constructor from the table.
	Ignore bool `toml:"ignore"`
}

// DefaultPoolPackages are the Go counterparts of the platform's
// shared/http_client.py and shared/gcp_clients.py.
var DefaultPoolPackages = []string{"shared/httpclient", "shared/gcpclients"}

// DefaultPoolModules are the platform's Python pool modules.
var DefaultPoolModules = []string{"shared/gcp_clients.py", "shared/http_client.py"}

// The platform's pool modules (testdata/platform/shared: gcp_clients.py,
// http_client.py).
const (
	gcpPool  = "shared.gcp_clients"
	httpPool = "shared.http_client"
)

// project is the argument the platform's GCP getters take, also as their
// first positional parameter (as the constructors do).
var project = []string{"project"}

// DefaultClients is the default constructor table. The getters are the
// ones the platform's shared/gcp_clients.py and shared/http_client.py
// define; constructors without one there name the module a getter belongs
// in. Each client's usual import paths are listed (versioned modules,
// aliases such as google.cloud.pubsub).
var DefaultClients = []Client{
	{Constructor: "google.cloud.bigquery.Client", Getter: "get_bigquery_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.bigquery.client.Client", Getter: "get_bigquery_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.storage.Client", Getter: "get_storage_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.storage.client.Client", Getter: "get_storage_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.pubsub_v1.PublisherClient", Getter: "get_publisher_client", Module: gcpPool},
	{Constructor: "google.cloud.pubsub_v1.publisher.Client", Getter: "get_publisher_client", Module: gcpPool},
	{Constructor: "google.cloud.pubsub.PublisherClient", Getter: "get_publisher_client", Module: gcpPool},
	{Constructor: "google.cloud.pubsub_v1.SubscriberClient", Getter: "get_subscriber_client", Module: gcpPool},
	{Constructor: "google.cloud.pubsub_v1.subscriber.Client", Getter: "get_subscriber_client", Module: gcpPool},
	{Constructor: "google.cloud.pubsub.SubscriberClient", Getter: "get_subscriber_client", Module: gcpPool},
	{Constructor: "google.cloud.firestore.Client", Getter: "get_firestore_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.firestore_v1.Client", Getter: "get_firestore_client", Module: gcpPool, Args: project, Positional: project},
	{Constructor: "google.cloud.firestore.AsyncClient", Module: gcpPool},
	{Constructor: "google.cloud.firestore_v1.AsyncClient", Module: gcpPool},
	{Constructor: "google.cloud.datastore.Client", Module: gcpPool},
	{Constructor: "google.cloud.secretmanager.SecretManagerServiceClient", Getter: "get_secret_manager_client", Module: gcpPool},
	{Constructor: "google.cloud.secretmanager_v1.SecretManagerServiceClient", Getter: "get_secret_manager_client", Module: gcpPool},
	{Constructor: "google.cloud.secretmanager.SecretManagerServiceAsyncClient", Module: gcpPool},
	{Constructor: "google.cloud.secretmanager_v1.SecretManagerServiceAsyncClient", Module: gcpPool},
	{Constructor: "google.cloud.tasks_v2.CloudTasksClient", Module: gcpPool},
	{Constructor: "google.cloud.tasks.CloudTasksClient", Module: gcpPool},
	{Constructor: "google.cloud.logging.Client", Module: gcpPool},
	{Constructor: "google.cloud.logging_v2.Client", Module: gcpPool},
	// Vertex AI: the prediction clients hold a gRPC channel each; the
	// generative model objects build one of their own on first use,
	// google-genai's Client and LangChain's Gemini models an HTTP pool.
	{Constructor: "google.cloud.aiplatform_v1.PredictionServiceClient", Module: gcpPool},
	{Constructor: "google.cloud.aiplatform_v1beta1.PredictionServiceClient", Module: gcpPool},
	{Constructor: "google.cloud.aiplatform.gapic.PredictionServiceClient", Module: gcpPool},
	{Constructor: "vertexai.generative_models.GenerativeModel", Module: gcpPool},
	{Constructor: "vertexai.preview.generative_models.GenerativeModel", Module: gcpPool},
	{Constructor: "google.genai.Client", Module: gcpPool},
	{Constructor: "langchain_google_genai.ChatGoogleGenerativeAI", Module: gcpPool},
	{Constructor: "langchain_google_genai.GoogleGenerativeAIEmbeddings", Module: gcpPool},
	{Constructor: "langchain_google_vertexai.ChatVertexAI", Module: gcpPool},
	{Constructor: "langchain_google_vertexai.VertexAIEmbeddings", Module: gcpPool},
	{Constructor: "redis.Redis"},
	{Constructor: "redis.StrictRedis"},
	{Constructor: "redis.from_url"},
	{Constructor: "redis.Redis.from_url"},
	{Constructor: "redis.StrictRedis.from_url"},
	{Constructor: "redis.client.Redis"},
	{Constructor: "redis.asyncio.Redis"},
	{Constructor: "redis.asyncio.from_url"},
	{Constructor: "redis.asyncio.Redis.from_url"},
	// get_http_client() is a plain function (not async) with its own
	// timeout and limits: a call that sets them loses them (unsafe).
	{Constructor: "httpx.AsyncClient", Getter: "get_http_client", Module: httpPool, Drop: []string{"timeout", "limits", "http2"}},
	{Constructor: "httpx.Client", Module: httpPool},
	{Constructor: "requests.Session", Module: httpPool},
	{Constructor: "requests.session", Module: httpPool},
	{Constructor: "requests.sessions.Session", Module: httpPool},
	{Constructor: "aiohttp.ClientSession", Module: httpPool},
	{Constructor: "aiohttp.client.ClientSession", Module: httpPool},
}

// NewOptions returns the defaults.
func NewOptions() *Options {
	return &Options{
		GoOptions: GoOptions{PoolPackages: slices.Clone(DefaultPoolPackages)},
		PythonOptions: PythonOptions{
			Clients:     cloneClients(DefaultClients),
			PoolModules: slices.Clone(DefaultPoolModules),
			Exclude:     slices.Clone(ruleopts.TestFiles),
		},
	}
}

// Config is Options checked and compiled, once per configuration: what the
// rule's code reads.
type Config struct {
	PoolPackages []string // Go
	// Table is the Python constructor table (Options.Table), compiled.
	Table *Table
	// PoolModules and Exclude are the Python files the rule does not look
	// at (Excludes).
	PoolModules, Exclude ruleopts.Globs
}

// OptionsSpec declares the options (Rule.Options).
var OptionsSpec = ruleopts.NewSpec(NewOptions, func(o *Options) (*Config, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	return &Config{
		PoolPackages: o.PoolPackages,
		Table:        NewTable(o.Table()),
		PoolModules:  ruleopts.CompileGlobs(o.PoolModules),
		Exclude:      ruleopts.CompileGlobs(o.Exclude),
	}, nil
})

// Excludes reports whether the rule skips the Python file at the
// slash-separated path: a pool module or an excluded file. A glob is
// matched against the path and every tail of it that starts at a
// directory, so "shared/gcp_clients.py" matches
// "services/shared/gcp_clients.py"; a glob ending in "/" matches a
// directory the file is in.
func (c *Config) Excludes(p string) bool { return c.PoolModules.Match(p) || c.Exclude.Match(p) }

// Table is the constructor table, compiled for lookups by qualified name.
type Table struct {
	exact map[string]*Client
	globs []*Client
	// last holds the last dotted part of every exact constructor: a call
	// whose callee ends otherwise is not resolved at all.
	last  map[string]bool
	order []*Client // every entry, in the table's order
}

// NewTable compiles clients (an effective table: Options.Table).
func NewTable(clients []Client) *Table {
	t := &Table{exact: map[string]*Client{}, last: map[string]bool{}}
	for i := range clients {
		c := &clients[i]
		t.order = append(t.order, c)
		if strings.Contains(c.Constructor, "*") {
			t.globs = append(t.globs, c)
			continue
		}
		t.exact[c.Constructor] = c
		t.last[c.Constructor[strings.LastIndexByte(c.Constructor, '.')+1:]] = true
	}
	return t
}

// Clients are the table's entries in order.
func (t *Table) Clients() []*Client { return t.order }

// Lookup returns the entry for the qualified name q, or nil.
func (t *Table) Lookup(q string) *Client {
	if e := t.exact[q]; e != nil {
		return e
	}
	for _, e := range t.globs {
		if matchDotted(e.Constructor, q) {
			return e
		}
	}
	return nil
}

// MayEndWith reports whether a constructor the table names can have last
// as its last dotted part: always when the table has globs.
func (t *Table) MayEndWith(last string) bool { return len(t.globs) > 0 || t.last[last] }

// matchDotted matches a constructor glob part by part ("*" within a part).
func matchDotted(glob, q string) bool {
	gs, qs := strings.Split(glob, "."), strings.Split(q, ".")
	if len(gs) != len(qs) {
		return false
	}
	for i := range gs {
		if ok, _ := path.Match(gs[i], qs[i]); !ok {
			return false
		}
	}
	return true
}

func cloneClients(cs []Client) []Client {
	out := slices.Clone(cs)
	for i := range out {
		out[i].Args = slices.Clone(out[i].Args)
		out[i].Positional = slices.Clone(out[i].Positional)
		out[i].Drop = slices.Clone(out[i].Drop)
	}
	return out
}

// Table is the effective constructor table: Clients, then ExtendClients
// replacing entries with the same constructor or adding new ones, without
// the ignored constructors.
func (o *Options) Table() []Client {
	out := make([]Client, 0, len(o.Clients)+len(o.ExtendClients))
	at := map[string]int{}
	for _, list := range [][]Client{o.Clients, o.ExtendClients} {
		for _, c := range list {
			if i, ok := at[c.Constructor]; ok {
				out[i] = c
				continue
			}
			at[c.Constructor] = len(out)
			out = append(out, c)
		}
	}
	return slices.DeleteFunc(out, func(c Client) bool { return c.Ignore })
}

// check checks the Python table and globs (compiling the options does, and
// the configuration loader reports its errors at the rule's table).
func (o *Options) check() error {
	var errs []string
	for _, l := range []struct {
		key  string
		list []Client
	}{{"clients", o.Clients}, {"extend-clients", o.ExtendClients}} {
		seen := map[string]bool{}
		for i, c := range l.list {
			at := fmt.Sprintf("%s[%d]", l.key, i)
			if c.Constructor != "" {
				at += " (" + c.Constructor + ")"
			}
			switch {
			case !isDotted(c.Constructor, true):
				errs = append(errs, at+": constructor must be a dotted name such as \"google.cloud.bigquery.Client\"")
			case seen[c.Constructor]:
				errs = append(errs, at+": constructor listed twice")
			}
			seen[c.Constructor] = true
			if c.Getter != "" && !isDotted(c.Getter, false) || strings.Contains(c.Getter, ".") {
				errs = append(errs, at+": getter must be a function name such as \"get_bigquery_client\"")
			}
			if c.Module != "" && !isDotted(c.Module, false) {
				errs = append(errs, at+": module must be a dotted module name such as \"shared.gcp_clients\"")
			}
			if c.Getter != "" && c.Module == "" {
				errs = append(errs, at+": a getter needs the module that defines it")
			}
			for _, f := range []struct {
				key  string
				list []string
			}{{"args", c.Args}, {"positional", c.Positional}, {"drop", c.Drop}} {
				for _, a := range f.list {
					if !isDotted(a, false) || strings.Contains(a, ".") {
						errs = append(errs, fmt.Sprintf("%s: %s: %q is not a keyword argument name", at, f.key, a))
					}
				}
			}
			for _, a := range c.Positional {
				if !slices.Contains(c.Args, a) {
					errs = append(errs, fmt.Sprintf("%s: positional: %q must also be in args (the getter takes it under that name)", at, a))
				}
			}
			if c.Getter == "" && (len(c.Positional) > 0 || len(c.Drop) > 0 || c.Async) {
				errs = append(errs, at+": positional, drop and async describe a getter: set getter")
			}
			if c.Ignore && l.key == "clients" {
				errs = append(errs, at+": ignore belongs in extend-clients (in clients, leave the entry out)")
			}
		}
	}
	for _, l := range []struct {
		key   string
		globs []string
	}{{"pool-modules", o.PoolModules}, {"exclude", o.Exclude}} {
		for _, g := range l.globs {
			if _, ok := walk.ParsePattern(g); !ok || strings.HasPrefix(g, "!") {
				errs = append(errs, fmt.Sprintf("%s: %q is not a path glob", l.key, g))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// isDotted reports whether s is identifiers joined by dots; with glob, a
// part may hold "*".
func isDotted(s string, glob bool) bool {
	if s == "" {
		return false
	}
	for _, part := range strings.Split(s, ".") {
		if part == "" {
			return false
		}
		for i, r := range part {
			switch {
			case r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127:
			case i > 0 && r >= '0' && r <= '9':
			case glob && r == '*':
			default:
				return false
			}
		}
	}
	return true
}
