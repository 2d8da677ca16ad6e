// Command server prints at start-up (its output) and in its handlers (logs);
// log.Fatal in main is the program's exit, in a handler it kills the server.
package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	fmt.Println("listening on :8080")
	http.HandleFunc("/items", items)
	http.HandleFunc("/orders", func(w http.ResponseWriter, r *http.Request) {
		fmt.Printf("order from %s\n", r.RemoteAddr) // want `warning: XY005 print-call: fmt.Printf in a request handler writes to stdout`
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func items(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "items")
	audit(r.URL.Path)
	if r.URL.Path == "/items/stop" {
		log.Fatalf("stopped by %s", r.RemoteAddr) // want `warning: XY005 print-call: log.Fatalf in a request handler exits the server on one request`
	}
}

func audit(path string) {
	log.Println("served " + path) // want `note: XY005 print-call: log.Println in a request handler writes an unstructured log line`
}
