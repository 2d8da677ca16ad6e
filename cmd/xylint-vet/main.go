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
package main

import (
	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/xynergy/xylint/analyzers"
)

func main() { multichecker.Main(analyzers.DefaultGoAnalyzers()...) }
