// Package snippets is library code in the style of documentation samples:
// exported functions that build a client per call and write to an
// io.Writer. Whether a client per call costs anything depends on callers
// this package does not show, so only what its own handlers, gRPC methods
// and callbacks reach is a warning.
package snippets

import (
	"context"
	"fmt"
	"io"
	"net/http"

	"cloud.google.com/go/storage"
)

// ListBuckets is a snippet: nothing here calls it.
func ListBuckets(w io.Writer, projectID string) error {
	ctx := context.Background()
	client, err := storage.NewClient(ctx) // want `note: XY003 direct-client: storage.NewClient is built per call of ListBuckets, a function no handler in this package reaches \(a note; a warning once one does\)`
	if err != nil {
		return err
	}
	fmt.Fprintln(w, client, projectID)
	return nil
}

// UploadFile is the same kind of function, but Serve (a handler) calls it:
// per request.
func UploadFile(w io.Writer, bucket string) error {
	client, err := storage.NewClient(context.Background()) // want `warning: XY003 direct-client: storage.NewClient is built per request`
	fmt.Fprintln(w, client, bucket, err)
	return err
}

func Serve(w http.ResponseWriter, r *http.Request) {
	_ = UploadFile(w, r.URL.Query().Get("bucket"))
}

var cached *storage.Client

// Cached is a lazy package-level client: once per process, whoever calls it.
func Cached(ctx context.Context) *storage.Client {
	if cached == nil {
		cached, _ = storage.NewClient(ctx) // want `note: XY003 direct-client: storage.NewClient is built once per process`
	}
	return cached
}

// Subscribe hands its callback to another package, which decides how often
// it runs (per message): not a note.
func Subscribe(run func(func(context.Context, string))) {
	run(func(ctx context.Context, msg string) {
		c, _ := storage.NewClient(ctx) // want `warning: XY003 direct-client: storage.NewClient is built in Subscribe`
		_ = c
	})
}

// onMessage is used as a value (a callback): its caller decides how often
// it runs.
func onMessage(ctx context.Context, msg string) {
	c, _ := storage.NewClient(ctx) // want `warning: XY003 direct-client: storage.NewClient is built in onMessage`
	_ = c
}

func Listen(run func(func(context.Context, string))) { run(onMessage) }

// A protobuf message, as generated code declares it.
type GetRequest struct{ Name string }

func (*GetRequest) ProtoReflect() any { return nil }

type server struct{}

// Get is a gRPC method (it takes a protobuf message): it and lookup, which
// it calls, run per RPC.
func (s *server) Get(ctx context.Context, req *GetRequest) (*GetRequest, error) {
	lookup(ctx)
	return req, nil
}

func lookup(ctx context.Context) {
	c, _ := storage.NewClient(ctx) // want `warning: XY003 direct-client: storage.NewClient is built in lookup`
	_ = c
}
