// Command golangci-lint is golangci-lint v2.15.0 with xylint's module plugin
// compiled in: what `golangci-lint custom` builds from .golangci-plugin.yml,
// made without its `git clone` of golangci-lint (impossible offline and in
// CI). It lives in its own module so that golangci-lint's ~200
// dependencies stay out of xylint's go.mod; go.mod replaces xylint with this
// checkout.
//
//	cd tools/golangci-lint && go build -o ../../bin/golangci-lint .
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	_ "github.com/xynergy/xylint/golangci"
)

// version is the golangci-lint release go.mod pins.
const version = "2.15.0"

func main() {
	info := commands.BuildInfo{Version: version + "-xylint", Commit: "?", Date: "(unknown)", GoVersion: "unknown"}
	if bi, ok := debug.ReadBuildInfo(); ok {
		info.GoVersion = bi.GoVersion
	}
	if err := commands.Execute(info); err != nil {
		_, _ = fmt.Fprintf(os.Stderr, "The command is terminated due to an error: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}
