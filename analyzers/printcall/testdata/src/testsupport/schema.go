package testsupport

import (
	"fmt"
)

// Schema is in a file without the testing import: checked as any package's code.
func Schema(table string) string {
	fmt.Println("loading schema") // want `warning: XY005 print-call: fmt.Println writes to stdout`
	return fmt.Sprintf("create table %s()", table)
}
