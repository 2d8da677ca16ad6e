package main

import "net/http"

// Guard is auth only because the plugin settings say so.
func Guard(next http.Handler) http.Handler { return next }

func pay(w http.ResponseWriter, r *http.Request) {}

func routes(mux *http.ServeMux) {
	mux.Handle("POST /pay", Guard(http.HandlerFunc(pay)))
	mux.HandleFunc("POST /refund", pay) // want `XY002 unauthenticated-route: POST /refund is reachable without authentication`
	mux.HandleFunc("GET /status", pay)
}

func main() {
	routes(http.NewServeMux())
}
