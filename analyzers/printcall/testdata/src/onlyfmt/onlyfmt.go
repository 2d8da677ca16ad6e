// Package onlyfmt uses fmt only for prints: once they are fixed the import
// goes.
package onlyfmt

import (
	"errors"
	"fmt"
)

func Run() error {
	fmt.Println("starting") // want `fmt.Println writes to stdout`
	fmt.Print("done")       // want `fmt.Print writes to stdout`
	return errors.New("x")
}
