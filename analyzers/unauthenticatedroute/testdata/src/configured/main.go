// Package main is clean only under the options TestOptions sets: Guard is
// auth and /status is public.
package main

import "net/http"

func Guard(next http.Handler) http.Handler { return next }

func h(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.Handle("POST /pay", Guard(http.HandlerFunc(h)))
	http.HandleFunc("GET /status", h)
}
