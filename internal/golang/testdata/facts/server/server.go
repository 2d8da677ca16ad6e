// Package server serves and shuts down; its mains only handle the signal.
package server

import (
	"context"
	"net/http"
)

// Run serves until ctx is done, then shuts the server down.
func Run(ctx context.Context) error {
	srv := &http.Server{Addr: ":8080"}
	go func() { _ = srv.ListenAndServe() }()
	<-ctx.Done()
	return srv.Shutdown(context.Background())
}

// Serve only serves.
func Serve() error {
	return http.ListenAndServe(":8080", nil)
}
