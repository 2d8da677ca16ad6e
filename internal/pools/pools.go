// Package pools is the vocabulary of the platform's shared client pools, as
// the Python rules need it: the constructors that build an HTTP, GCP or
// Redis client (a client belongs in a pool: XY003 reports those built
// directly, XY006 says which an app leaves open), and the pooled getters of
// shared/gcp_clients.py and shared/http_client.py that replace them. XY003's
// options hold a table of these rows (clients, extend-clients); it has no
// cgo, as the options the Go analyzers import.
package pools

import (
	"path"
	"strings"
)

// Client is one row of the constructor table.
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
var DefaultClients = append(append([]Client{
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
}, gcpClients(
	// The Google Cloud clients real services build (Cloud Run and
	// Functions samples, the platform's AI services): each holds a gRPC
	// channel or HTTP session and credentials of its own. The platform's
	// pool has no getter for them yet: they are reported without a fix,
	// and the message names the module a getter belongs in.
	gcpGroup{[]string{"vision", "vision_v1"}, []string{"ImageAnnotatorClient", "ImageAnnotatorAsyncClient", "ProductSearchClient"}},
	gcpGroup{[]string{"translate", "translate_v3", "translate_v3beta1"}, []string{"TranslationServiceClient", "TranslationServiceAsyncClient"}},
	gcpGroup{[]string{"translate_v2"}, []string{"Client"}},
	gcpGroup{[]string{"spanner", "spanner_v1"}, []string{"Client"}},
	gcpGroup{[]string{"bigtable"}, []string{"Client"}},
	gcpGroup{[]string{"bigtable.data"}, []string{"BigtableDataClient", "BigtableDataClientAsync"}},
	gcpGroup{[]string{"documentai", "documentai_v1", "documentai_v1beta3"}, []string{"DocumentProcessorServiceClient", "DocumentProcessorServiceAsyncClient"}},
	gcpGroup{[]string{"datastore.client"}, []string{"Client"}},
	gcpGroup{[]string{"ndb"}, []string{"Client"}},
	gcpGroup{[]string{"tasks_v2", "tasks"}, []string{"CloudTasksAsyncClient"}},
	gcpGroup{[]string{"speech", "speech_v1", "speech_v2"}, []string{"SpeechClient", "SpeechAsyncClient"}},
	gcpGroup{[]string{"texttospeech", "texttospeech_v1"}, []string{"TextToSpeechClient", "TextToSpeechAsyncClient"}},
	gcpGroup{[]string{"language", "language_v1", "language_v2"}, []string{"LanguageServiceClient", "LanguageServiceAsyncClient"}},
	gcpGroup{[]string{"videointelligence", "videointelligence_v1"}, []string{"VideoIntelligenceServiceClient"}},
	gcpGroup{[]string{"dlp", "dlp_v2"}, []string{"DlpServiceClient"}},
	gcpGroup{[]string{"kms", "kms_v1"}, []string{"KeyManagementServiceClient"}},
	gcpGroup{[]string{"discoveryengine", "discoveryengine_v1", "discoveryengine_v1beta", "discoveryengine_v1alpha"}, []string{
		"SearchServiceClient", "SearchServiceAsyncClient", "ConversationalSearchServiceClient", "DocumentServiceClient",
		"GroundedGenerationServiceClient", "RankServiceClient", "RecommendationServiceClient",
	}},
	gcpGroup{[]string{"recaptchaenterprise", "recaptchaenterprise_v1"}, []string{"RecaptchaEnterpriseServiceClient"}},
	gcpGroup{[]string{"dialogflow", "dialogflow_v2", "dialogflowcx", "dialogflowcx_v3"}, []string{"SessionsClient", "SessionsAsyncClient"}},
	gcpGroup{[]string{"monitoring_v3"}, []string{"MetricServiceClient"}},
	gcpGroup{[]string{"bigquery_storage", "bigquery_storage_v1"}, []string{"BigQueryReadClient", "BigQueryWriteClient"}},
	gcpGroup{[]string{"scheduler", "scheduler_v1"}, []string{"CloudSchedulerClient"}},
	gcpGroup{[]string{"error_reporting"}, []string{"Client"}},
)...), otherClients...)

// gcpGroup is one Google Cloud client library's module names (its
// versioned modules and aliases, under google.cloud) and client classes.
type gcpGroup struct{ modules, classes []string }

// gcpClients are the table's rows of groups: every module with every class,
// to be added to the platform's GCP pool module.
func gcpClients(groups ...gcpGroup) []Client {
	var out []Client
	for _, g := range groups {
		for _, m := range g.modules {
			for _, c := range g.classes {
				out = append(out, Client{Constructor: "google.cloud." + m + "." + c, Module: gcpPool})
			}
		}
	}
	return out
}

// otherClients are the table's Redis and HTTP rows.
var otherClients = []Client{
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

// Table is the constructor table, compiled for lookups by qualified name.
type Table struct {
	exact map[string]*Client
	globs []*Client
	// last holds the last dotted part of every exact constructor: a call
	// whose callee ends otherwise is not resolved at all.
	last  map[string]bool
	order []*Client // every entry, in the table's order
}

// NewTable compiles clients (XY003's effective table: Options.Table).
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
