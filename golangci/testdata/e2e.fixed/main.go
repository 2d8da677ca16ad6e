package main

import (
	"context"
	"errors"
	"log"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/e2e/lib"
)

// Guard is the service's auth middleware (named in .golangci.yml).
func Guard(next http.Handler) http.Handler { return next }

func pay(w http.ResponseWriter, r *http.Request) {
	slog.Info("pay", "path", r.URL.Path)
	log.Println("quiet") //nolint:xylint // kept on purpose
	lib.Open(w)
}

func main() {
	http.Handle("POST /pay", Guard(http.HandlerFunc(pay)))
	http.HandleFunc("POST /refund", pay)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	srv := &http.Server{Addr: ":8080"}
	go func() {
		if err := srv.ListenAndServe(); !errors.Is(err, http.ErrServerClosed) {
			log.Fatal(err)
		}
	}()
	<-ctx.Done()
	// Cloud Run sends SIGTERM and kills the container 10 seconds later.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 9*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		log.Fatal(err)
	}
}
