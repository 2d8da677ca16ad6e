package nofmt

import (
	"log"
	"os"
)

func Run(n int) {
	log.Printf("run %d", n) // want `log.Printf writes an unstructured log line`
	os.Exit(n)
}
