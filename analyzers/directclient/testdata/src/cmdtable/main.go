// A command-line program whose main dispatches to its samples through a
// table of functions: each builds its client once per run of the program.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"cloud.google.com/go/storage"
)

func listBuckets(w io.Writer, project string) error {
	c, err := storage.NewClient(context.Background()) // want `storage.NewClient is built per call of listBuckets, which only the command-line program's main runs: once per run of a command-line program \(a note\)`
	if err != nil {
		return err
	}
	_ = c
	fmt.Fprintln(w, project)
	return nil
}

func deleteBucket(w io.Writer, name string) error {
	c, err := storage.NewClient(context.Background()) // want `storage.NewClient is built per call of deleteBucket, which only the command-line program's main runs`
	if err != nil {
		return err
	}
	_ = c
	return nil
}

// helper is called by a sample of the table: it runs per run too.
func helper() {
	c, _ := storage.NewClient(context.Background()) // want `built per call of helper, which only the command-line program's main runs`
	_ = c
}

func withHelper(w io.Writer, s string) error {
	helper()
	return nil
}

// each is handed to a function, which decides how often it runs: not
// command-line code.
func each(name string) {
	c, _ := storage.NewClient(context.Background()) // want `storage.NewClient is built in each; take it from the pool package`
	_ = c
}

func forEach(names []string, f func(string)) {
	for _, n := range names {
		f(n)
	}
}

// snippet is not run by main: only tests or documentation use it.
func snippet() {
	c, _ := storage.NewClient(context.Background()) // want `storage.NewClient is built per call of snippet, a function no handler in this package reaches \(a note; a warning once one does\)`
	_ = c
}

func main() {
	flag.Parse()
	samples := map[string]func(io.Writer, string) error{
		"list":   listBuckets,
		"delete": deleteBucket,
		"helper": withHelper,
	}
	if f, ok := samples[flag.Arg(0)]; ok {
		if err := f(os.Stdout, flag.Arg(1)); err != nil {
			os.Exit(1)
		}
	}
	forEach(flag.Args(), each)
}
