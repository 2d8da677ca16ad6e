// Package main is checked with platform-auth set (TestPlatformAuth): Cloud
// Run's IAM authenticates every request, so open routes are notes.
package main

import "net/http"

func run(w http.ResponseWriter, r *http.Request) {}

func main() {
	http.HandleFunc("POST /jobs", run) // want `POST /jobs is reachable without authentication; a note because auth is enforced by the platform \(platform-auth: "Cloud Run IAM"\)`
	http.HandleFunc("/tasks", run)     // want `ANY /tasks is reachable without authentication; a note because auth is enforced by the platform`
}
