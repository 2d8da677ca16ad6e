package lib

import (
	"bytes"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
)

type order struct{ ID string }

func Charge(o order, n int, w io.Writer, buf *bytes.Buffer) {
	fmt.Println("charging")              // want `warning: XY005 print-call: fmt.Println writes to stdout instead of the log; use log/slog`
	fmt.Printf("charged %d orders\n", n) // want `XY005 print-call: fmt.Printf writes to stdout`
	fmt.Print("plain\n")                 // want `fmt.Print writes to stdout`
	fmt.Println(n)                       // want `fmt.Println writes to stdout`
	fmt.Println("order", o.ID)           // want `fmt.Println writes to stdout`
	fmt.Fprintln(os.Stderr, "failed")    // want `fmt.Fprintln writes to stderr`
	fmt.Fprintf(os.Stdout, "%s\n", o.ID) // want `fmt.Fprintf writes to stdout`
	println("debug")                     // want `println writes to stderr; use log/slog`
	print(n)                             // want `print writes to stderr`
	log.Println("charged")               // want `note: XY005 print-call: log.Println writes an unstructured log line \(logging without level or fields, so a note\)`
	log.Printf("charged %s", o.ID)       // want `note: XY005 print-call: log.Printf writes an unstructured log line`
	log.Fatalf("bad order %s", o.ID)     // want `warning: XY005 print-call: log.Fatalf exits the process from library code`
	log.Panic("boom")                    // want `log.Panic panics`

	// Writing to a writer is output, not logging.
	fmt.Fprintln(w, "to the client")
	fmt.Fprintf(buf, "%d", n)
	var rw http.ResponseWriter
	fmt.Fprint(rw, "body")
	s := fmt.Sprintf("%d", n)
	_ = s
	// A logger built on purpose is a logger.
	l := log.New(os.Stderr, "", 0)
	l.Println("ok")
}

// A handler of the package calls Charge: its log.Fatalf ends the server.
func chargeHandler(w http.ResponseWriter, r *http.Request) {
	Charge(order{ID: r.URL.Path}, 1, w, nil)
}
