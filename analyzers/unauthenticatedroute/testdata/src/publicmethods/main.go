// Package main is checked with public-paths "POST /webhooks/stripe" and
// "GET,HEAD /status" (TestPublicMethods): each is public for its methods
// only.
package main

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("POST /webhooks/stripe", h)
	http.HandleFunc("DELETE /webhooks/stripe", h) // want `DELETE /webhooks/stripe is reachable without authentication`
	http.HandleFunc("GET /status", h)
	http.HandleFunc("HEAD /status", h)
	http.HandleFunc("/status", h) // want `ANY /status is reachable without authentication`
}
