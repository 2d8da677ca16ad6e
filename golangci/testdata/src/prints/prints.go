package prints

import "fmt"

func Pay(id string) {
	fmt.Println(id) // want `XY005 print-call: fmt.Println writes to stdout`
}
