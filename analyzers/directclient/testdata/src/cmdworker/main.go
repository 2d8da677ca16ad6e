// A package main that serves (it blocks in ListenAndServe): what its main
// refers to by value is not command-line code.
package main

import (
	"context"
	"net/http"

	"cloud.google.com/go/storage"
)

type job struct {
	name string
	run  func() error
}

func process() error {
	c, err := storage.NewClient(context.Background()) // want `storage.NewClient is built in process; take it from the pool package`
	if err != nil {
		return err
	}
	_ = c
	return nil
}

func main() {
	jobs := []job{{"process", process}}
	go func() {
		for {
			for _, j := range jobs {
				_ = j.run()
			}
		}
	}()
	_ = http.ListenAndServe(":8080", nil)
}
