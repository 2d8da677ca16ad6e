// Package testsupport holds test support that several packages' tests
// share: database.go imports testing, so what it prints is a test run's.
package testsupport

import (
	"errors"
	"fmt"
	"os"
	"testing"
)

type Instance struct{ skip string }

func NewInstance() (*Instance, error) {
	if testing.Short() {
		return &Instance{skip: "short"}, nil
	}
	return nil, errors.New("no docker")
}

// MustInstance is called from other packages' TestMain.
func MustInstance() *Instance {
	i, err := NewInstance()
	if err != nil {
		fmt.Fprintln(os.Stderr, err.Error())
		os.Exit(1)
	}
	return i
}
