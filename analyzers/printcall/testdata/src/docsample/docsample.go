// Package docsample is a documentation sample: its functions are shown on a
// page between region tags and called from tests or another package's main.
package docsample

import (
	"fmt"
	"io"
	"log"
	"net/http"
)

// [START docsample_get_endpoint]

// GetEndpoint prints what the page shows beside what it writes to w: the
// sample's output, not a service's log line.
func GetEndpoint(w io.Writer, name string) error {
	fmt.Printf("Endpoint: %s\n", name)
	println("done")
	log.Print("fetched ", name) // want `note: XY005 print-call: log.Print writes an unstructured log line`
	fmt.Fprintln(w, name)
	return nil
}

// [END docsample_get_endpoint]

func init() {
	http.HandleFunc("/endpoint", serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	describe(r.URL.Query().Get("name"))
}

// describe is reached from a handler the package registers: a service's
// log line, region tags or not.
func describe(name string) {
	fmt.Println("describing", name) // want `warning: XY005 print-call: fmt.Println writes to stdout`
}
