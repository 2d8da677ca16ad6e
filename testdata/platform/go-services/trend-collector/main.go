// Command trend-collector polls the trending-topics feed and serves the latest
// snapshot. It is the Go reference service: pooled client with a timeout,
// authenticated routes, errors handled, structured logging, graceful shutdown.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

type snapshot struct {
	mu     sync.RWMutex
	topics []string
}

func (s *snapshot) set(topics []string) {
	s.mu.Lock()
	s.topics = topics
	s.mu.Unlock()
}

func (s *snapshot) get() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.topics
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	latest := &snapshot{}
	// One client, with a timeout, shared by every poll: one connection pool.
	client := &http.Client{Timeout: 10 * time.Second}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.Handle("GET /trends", APIKeyMiddleware(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Access-Control-Allow-Origin", os.Getenv("ALLOWED_ORIGIN"))
		w.Header().Set("Content-Type", "application/json")
		if err := json.NewEncoder(w).Encode(latest.get()); err != nil {
			logger.Error("encoding trends failed", "err", err)
		}
	})))

	srv := &http.Server{Addr: ":" + os.Getenv("PORT"), Handler: mux, ReadHeaderTimeout: 5 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go poll(ctx, client, logger, latest)
	go func() {
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("server failed", "err", err)
			stop()
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 8*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("shutdown failed", "err", err)
	}
}

func poll(ctx context.Context, client *http.Client, logger *slog.Logger, latest *snapshot) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for {
		topics, err := fetchTrends(ctx, client)
		if err != nil {
			logger.Warn("fetching trends failed", "err", err)
		} else {
			latest.set(topics)
		}
		select {
		case <-ctx.Done():
			return
		case <-ticker.C:
		}
	}
}

func fetchTrends(ctx context.Context, client *http.Client) ([]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://trends.internal.xynergy.com/topics", nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var topics []string
	if err := json.Unmarshal(body, &topics); err != nil {
		return nil, err
	}
	return topics, nil
}

// APIKeyMiddleware is the service's auth middleware.
func APIKeyMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if key := r.Header.Get("X-API-Key"); key == "" || key != os.Getenv("API_KEY") {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
