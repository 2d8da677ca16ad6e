// Package main serves `/` without a method in several ways: the landing
// page (`GET,HEAD /` is public by default) is a handler that reads nothing
// from its request; one that reads the body, or hands the request on,
// takes input whatever the method, and is reported.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
)

type store struct{}

func index(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		http.NotFound(w, r)
		return
	}
	fmt.Fprint(w, "Hello, World!")
}

func receive(w http.ResponseWriter, r *http.Request) {
	var event map[string]any
	_ = json.NewDecoder(r.Body).Decode(&event)
}

func process(w http.ResponseWriter, r *http.Request) { handle(r) }

func handle(r *http.Request) {}

func list(s *store) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "[]") }
}

func main() {
	pages := http.NewServeMux()
	pages.HandleFunc("/", index)
	pages.HandleFunc("GET /", index)

	files := http.NewServeMux()
	files.Handle("/", http.FileServer(http.Dir("static")))

	lists := http.NewServeMux()
	lists.HandleFunc("/", list(&store{}))

	events := http.NewServeMux()
	events.HandleFunc("/", receive) // want `ANY / is reachable without authentication; .*a warning: no method is named`

	handed := http.NewServeMux()
	handed.HandleFunc("/", process) // want `ANY / is reachable`

	posts := http.NewServeMux()
	posts.HandleFunc("POST /", index) // want `POST / is reachable .*an error because POST changes state`
}
