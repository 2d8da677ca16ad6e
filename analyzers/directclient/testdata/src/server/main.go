package main

import (
	"context"
	"net/http"

	"cloud.google.com/go/storage"
	"example.com/shared/httpclient"
)

func main() {
	c, _ := storage.NewClient(context.Background())
	_ = c
	h := &http.Client{}
	_ = h
	_ = httpclient.New()
	setup(context.Background())
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		hc := http.Client{} // want `http.Client is built per request`
		_ = hc
	})
}

// setup runs once: only main calls it.
func setup(ctx context.Context) {
	c, _ := storage.NewClient(ctx)
	_ = c
}

// reload is not start-up code.
func reload(ctx context.Context) {
	c, _ := storage.NewClient(ctx) // want `storage.NewClient is built in reload`
	_ = c
}

// both runs at start-up and per request: not start-up code.
func both(ctx context.Context) {
	c, _ := storage.NewClient(ctx) // want `storage.NewClient is built per request`
	_ = c
}

func handler(w http.ResponseWriter, r *http.Request) { both(r.Context()) }

func init() { both(context.Background()) }
