// Command fakegh serves the generated platform (bench/migrate/gen) as the
// public repository xynergy/platform on the in-process fake GitHub, so that
// bench/migrate.sh can time `xylint migrate plan --github-url` over HTTP as
// a user runs it: go run ./bench/migrate/fakegh [SERVICES]. It prints the
// API URL on one line and serves until it is interrupted or its standard
// input closes; then it prints the requests it answered.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/xynergy/xylint/internal/github/ghfake"
	"github.com/xynergy/xylint/internal/migrate/platformgen"
)

func main() {
	n := 35
	if len(os.Args) > 1 {
		n, _ = strconv.Atoi(os.Args[1])
	}
	files, err := platformgen.Files(n, "testdata/platform/shared")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fake := ghfake.New(ghfake.Options{})
	defer fake.Close()
	fake.AddRepo("xynergy", "platform", files)
	fmt.Println(fake.URL)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		io.Copy(io.Discard, os.Stdin)
		stop()
	}()
	<-ctx.Done()
	all, writes := fake.Counts()
	fmt.Fprintf(os.Stderr, "fakegh: %d requests, %d writes\n", all, writes)
}
