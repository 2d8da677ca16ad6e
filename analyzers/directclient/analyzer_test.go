package directclient_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/xynergy/xylint/analyzers/directclient"
)

func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), directclient.Analyzer, "svc", "server", "snippets", "cmdtable", "cmdworker", "example.com/shared/httpclient")
}

// A package named in pool-packages builds clients freely; with the option
// emptied the same code is reported.
func TestPoolPackagesOption(t *testing.T) {
	a, err := directclient.Go.Configure(map[string][]string{"pool-packages": {"svc"}})
	if err != nil {
		t.Fatal(err)
	}
	res := analysistest.Run(nopT{}, analysistest.TestData(), a, "svc")
	for _, r := range res {
		for _, d := range r.Diagnostics {
			if d.Message != "" && !strings.Contains(d.Message, "per request") {
				t.Errorf("in a pool package, only per-request sites are findings; got %q", d.Message)
			}
		}
	}
	// The vet tool's flag shows the default (TestVetTool sets flags).
	if f := directclient.Analyzer.Flags.Lookup("pool-packages"); f == nil || f.Value.String() != "shared/httpclient,shared/gcpclients" {
		t.Errorf("flag -directclient.pool-packages: %v", f)
	}
}

type nopT struct{}

func (nopT) Errorf(string, ...any) {}
