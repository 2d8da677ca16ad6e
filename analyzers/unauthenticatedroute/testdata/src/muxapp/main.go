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
}

func prefix() string { return "/shop" }
