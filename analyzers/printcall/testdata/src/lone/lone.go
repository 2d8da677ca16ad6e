package lone

import "fmt"

func Pay(id string) {
	fmt.Println(id) // want `fmt.Println writes to stdout`
}
