// Command server prints at start-up (its output) and in its handlers (logs).
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
		fmt.Printf("order from %s\n", r.RemoteAddr) // want `fmt.Printf in a request handler writes to stdout`
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func items(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "items")
	audit(r.URL.Path)
}

func audit(path string) {
	log.Println("served " + path) // want `log.Println in a request handler writes an unstructured log line`
}
