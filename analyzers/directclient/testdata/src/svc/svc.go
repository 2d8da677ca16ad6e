package svc

import (
	"context"
	"net/http"
	"sync"
	"time"

	"cloud.google.com/go/storage"
)

// A package-level client is built once, before main runs.
var shared = &http.Client{Timeout: 5 * time.Second}

var (
	once   sync.Once
	client *storage.Client
)

// Bucket is a sync.Once singleton: not a finding even though handlers call it.
func Bucket(ctx context.Context) *storage.Client {
	once.Do(func() {
		client, _ = storage.NewClient(ctx)
	})
	return client
}

var getHTTP = sync.OnceValue(func() *http.Client { return &http.Client{Timeout: time.Second} })

var initOnce sync.Once
var pooled *http.Client

func initPooled() { pooled = &http.Client{} }

func Pooled() *http.Client {
	initOnce.Do(initPooled)
	return pooled
}

func Report(w http.ResponseWriter, r *http.Request) {
	c, err := storage.NewClient(r.Context()) // want `XY003 direct-client: storage.NewClient is built per request; build it once`
	_, _ = c, err
	_ = Bucket(r.Context())
	_ = getHTTP()
	fetch(r.URL.String())
}

// fetch runs per request: Report calls it.
func fetch(url string) {
	c := &http.Client{Timeout: time.Second} // want `http.Client is built per request`
	_, _ = c.Get(url)
	_, _ = http.Get(url)               // want `http.Get uses http.DefaultClient, which has no timeout`
	_, _ = http.DefaultClient.Get(url) // want `http.DefaultClient has no timeout`
	_, _ = shared.Get(url)
}

type Service struct{ c *http.Client }

func NewService() *Service {
	return &Service{c: new(http.Client)} // want `note: XY003 direct-client: http.Client is built per call of NewService, a function no handler in this package reaches \(a note; a warning once one does\)`
}

func newStorage(ctx context.Context) {
	_, _ = storage.NewGRPCClient(ctx) // want `note: XY003 direct-client: storage.NewGRPCClient is built per call of newStorage`
	storage.NewWriter()
}

func init() {
	_ = &http.Client{}
}

var lazy *storage.Client

// Lazy builds its client once per process (racy without sync.Once): a note,
// even though handlers call it.
func Lazy(ctx context.Context) *storage.Client {
	if lazy == nil {
		lazy, _ = storage.NewClient(ctx) // want `note: XY003 direct-client: storage.NewClient is built once per process \(lazy package-level .lazy., set when nil\)`
	}
	return lazy
}

var early *http.Client

func Early() *http.Client {
	if early != nil {
		return early
	}
	early = &http.Client{Timeout: time.Second} // want `note: XY003 direct-client: http.Client is built once per process`
	return early
}

// A local guarded by nil is built per call.
func Local(ctx context.Context) *storage.Client {
	var c *storage.Client
	if c == nil {
		c, _ = storage.NewClient(ctx) // want `warning: XY003 direct-client: storage.NewClient is built per request`
	}
	return c
}

func LazyHandler(w http.ResponseWriter, r *http.Request) {
	_ = Lazy(r.Context())
	_ = Early()
	_ = Local(r.Context())
}
