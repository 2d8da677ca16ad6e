// A width (%3d) keeps fmt.Sprintf: the attribute would lose it, and fmt is imported for it.
package nofmt

import (
	"log"
	"os"
)

func Run(n int) {
	log.Printf("run %3d", n) // want `log.Printf writes an unstructured log line`
	os.Exit(n)
}
