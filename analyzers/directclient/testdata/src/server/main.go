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
	http.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		hc := http.Client{} // want `http.Client is built per request`
		_ = hc
	})
}
