// Command gen writes the synthetic platform xylint migrate's benchmark runs
// on: go run ./bench/migrate/gen DIR [SERVICES].
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/xynergy/xylint/internal/migrate/platformgen"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR [SERVICES]")
		os.Exit(2)
	}
	n := 35
	if len(os.Args) > 2 {
		n, _ = strconv.Atoi(os.Args[2])
	}
	files, err := platformgen.Files(n, "testdata/platform/shared")
	if err == nil {
		err = platformgen.Write(os.Args[1], files)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
