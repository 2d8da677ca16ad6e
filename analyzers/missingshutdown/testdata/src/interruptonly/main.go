package main

import (
	"context"
	"net/http"
	"os"
	"os/signal"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go srv.ListenAndServe() // want `without graceful shutdown: no SIGTERM handling \(signal.NotifyContext\);`
	<-ctx.Done()
	srv.Shutdown(context.Background())
}
