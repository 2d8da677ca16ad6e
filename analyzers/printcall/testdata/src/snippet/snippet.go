// Package snippet is a documentation sample: its functions are called from
// another package's main (or only shown), and log.Fatal is how they fail.
package snippet

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
)

func ListBuckets(w io.Writer, project string) {
	if project == "" {
		log.Fatal(errors.New("no project")) // want `note: XY005 print-call: log.Fatal ends the process from a function nothing in its package runs \(a sample's or a tool's way to fail, so a note; a warning once a handler calls it\)`
	}
	if len(project) > 30 {
		log.Panicf("bad project %q", project) // want `note: XY005 print-call: log.Panicf ends the process from a function nothing`
	}
	fmt.Println("buckets of", project) // want `warning: XY005 print-call: fmt.Println writes to stdout`
	fmt.Fprintln(w, "done")
}

func init() {
	http.HandleFunc("/buckets", serve)
}

func serve(w http.ResponseWriter, r *http.Request) {
	load(r.URL.Query().Get("project"))
}

// load is reached from a handler the package registers: ending the
// process there ends the server.
func load(project string) {
	if project == "" {
		log.Fatalf("no project") // want `warning: XY005 print-call: log.Fatalf exits the process from library code`
	}
}
