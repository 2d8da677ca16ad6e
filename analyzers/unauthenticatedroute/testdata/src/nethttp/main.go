package main

import (
	"net/http"

	"example.com/shared/auth"
)

func items(w http.ResponseWriter, r *http.Request) {}

// RequireAPIKey is a local middleware named in the default auth-middleware.
func RequireAPIKey(next http.Handler) http.Handler { return next }

func main() {
	http.HandleFunc("/items", items)                  // want `XY002 unauthenticated-route: ANY /items is reachable without authentication`
	http.HandleFunc("GET /items/{id}", items)         // want `GET /items/\{id\} is reachable without authentication`
	http.HandleFunc("POST example.com/orders", items) // want `POST /orders is reachable`
	http.HandleFunc("/healthz", items)                // public
	http.Handle("/admin", RequireAPIKey(http.HandlerFunc(items)))
	http.HandleFunc("/keys", auth.RequireKey(items))
	h := auth.Middleware(http.HandlerFunc(items))
	http.Handle("/wrapped", h)

	mux := http.NewServeMux()
	mux.HandleFunc("DELETE /things/{id}", items)
	api := http.NewServeMux()
	api.HandleFunc("POST /v1/pay", items) // want `POST /v1/pay is reachable without authentication`
	_ = http.ListenAndServe(":8080", auth.Middleware(mux))
}
