// Command xylint-vet runs xylint's six Go analyzers as a go vet tool:
//
//	go install github.com/xynergy/xylint/cmd/xylint-vet@latest
//	go vet -vettool=$(which xylint-vet) ./...
//
// Options are flags named after the analyzer
// (-unauthenticatedroute.auth-middleware=RequireAPIKey,
// -directclient.pool-packages=shared/httpclient); -<analyzer>=false turns
// one off. Run alone (xylint-vet ./...) it is a multichecker with -fix,
// -diff and -json. go vet has no suppression comments: use xylint check or
// golangci-lint for //nolint.
//
// Each message starts with the finding's level ("warning: XY005
// print-call: ..."). go vet fails on every finding it prints, so findings
// below -fail-on (note, warning or error; default warning) are not
// reported: notes appear with -fail-on=note.
package main

import (
	"flag"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/xynergy/xylint/analyzers"
	"github.com/xynergy/xylint/internal/goanalysis"
	"github.com/xynergy/xylint/internal/lint"
)

func main() {
	var failOn lint.FailOn
	flag.TextVar(&failOn, "fail-on", failOn, "the least level of finding reported: note, warning or error (go vet fails on every finding it reports)")
	var as []*analysis.Analyzer
	for _, a := range analyzers.DefaultGoAnalyzers() {
		// multichecker parses the flags after the analyzers are handed to
		// it: DropBelow reads the flag when an analyzer runs.
		as = append(as, goanalysis.DropBelow(a, func() lint.FailOn { return failOn }))
	}
	multichecker.Main(as...)
}
