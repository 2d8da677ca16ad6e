package main

import (
	"net/http"

	"example.com/shared/auth"
	"github.com/gorilla/mux"
)

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	r := mux.NewRouter()
	r.HandleFunc("/orders", h).Methods("POST") // want `POST /orders is reachable without authentication`
	r.HandleFunc("/orders", h).Methods("GET")  // want `GET /orders is reachable`
	api := r.PathPrefix("/api").Subrouter()
	api.Use(auth.Middleware)
	api.HandleFunc("/pay", h).Methods("POST")
	base := prefix()
	r.HandleFunc(base+"/cart", h).Methods("POST") // want `POST /\{base\}/cart is reachable`
	r.HandleFunc(base+"/healthz", h)
	// Matchers before the handler: a route from Path on the router.
	r.Path("/echo").Methods("POST").HandlerFunc(h)                               // want `POST /echo is reachable without authentication; wrap its handler .*; an error because POST changes state`
	r.Path("/info").Methods("GET").Queries("a", "").Handler(http.HandlerFunc(h)) // want `GET /info is reachable .*; a warning because a read-only route`
	// Mounting the router (its routes are checked where they are added),
	// also inside a wrapper such as gorilla/handlers' logging handler.
	http.Handle("/", r)
	http.Handle("/app/", logged(r))
}

func logged(next http.Handler) http.Handler { return next }

func prefix() string { return "/shop" }
