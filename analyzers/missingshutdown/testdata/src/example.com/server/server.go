// Package server holds the serving and shutdown logic of a service whose
// main only handles the signal.
package server

import (
	"context"
	"net/http"
)

func Run(ctx context.Context) error { // want Run:"lifecycle\\(serves,shutdown\\)"
	srv := &http.Server{Addr: ":8080"}
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	return stop(srv)
}

func stop(srv *http.Server) error { // want stop:"lifecycle\\(shutdown\\)"
	return srv.Shutdown(context.Background())
}

// Serve only serves.
func Serve() error { // want Serve:"lifecycle\\(serves\\)"
	return http.ListenAndServe(":8080", nil)
}
